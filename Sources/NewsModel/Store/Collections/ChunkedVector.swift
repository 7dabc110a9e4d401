/// A growable array kept as a trie of short fixed arrays, so that a copy shares every node and a
/// write copies only the path to the element it touches: a leaf of 32 elements, two nodes of 32
/// references above it, and the list of tops (one per 32,768 elements).
///
/// Copying an array retains each reference its elements hold, and freeing the copy a replaced
/// snapshot made releases them again, each a likely cache miss in a large store: what a write
/// costs follows the width of the nodes it copies. Chunks of 256 under groups of 256 made a
/// write to a store of a million events cost about 15% more CPU than these narrow nodes do, most
/// of it in the term postings a batch touches in the text index.
struct ChunkedVector<Element: Sendable>: Sendable {
    private static var shift: Int { 5 }
    private static var mask: Int { (1 << shift) - 1 }

    /// Top, middle node, leaf: see ``path(to:)``.
    private var tops: [[[[Element]]]] = []
    private(set) var count = 0

    subscript(index: Int) -> Element {
        // Lent, not copied: reading one field of a large element retains only what it reads.
        _read {
            let at = Self.path(to: index)
            yield tops[at.top][at.middle][at.leaf][at.slot]
        }
        set { modify(index) { $0 = newValue } }
    }

    /// Changes one element in place: each node on its path is copied only when shared.
    mutating func modify<Result>(_ index: Int, _ body: (inout Element) -> Result) -> Result {
        let at = Self.path(to: index)
        return body(&tops[at.top][at.middle][at.leaf][at.slot])
    }

    /// Where the element at `index` is: its top, the middle node in it, the leaf in that, and
    /// its slot in the leaf.
    private static func path(to index: Int) -> (top: Int, middle: Int, leaf: Int, slot: Int) {
        (index >> (3 * shift), (index >> (2 * shift)) & mask, (index >> shift) & mask, index & mask)
    }

    mutating func append(_ element: Element) {
        if count & ((1 << (3 * Self.shift)) - 1) == 0 { tops.append(Self.node()) }
        let top = tops.count - 1
        if count & ((1 << (2 * Self.shift)) - 1) == 0 { tops[top].append(Self.node()) }
        let middle = tops[top].count - 1
        if count & Self.mask == 0 { tops[top][middle].append(Self.node()) }
        let leaf = tops[top][middle].count - 1
        tops[top][middle][leaf].append(element)
        count += 1
    }

    /// An empty node with room for its 32 entries, so that it never grows by copying.
    private static func node<Entry>() -> [Entry] {
        var node: [Entry] = []
        node.reserveCapacity(mask + 1)
        return node
    }
}
