/// A growable array kept as a two-level tree of fixed chunks, so that a copy shares every
/// chunk and a write copies only the chunk it touches, the group of chunk references above it
/// and the short list of groups: a few kilobytes, however long the vector grows.
struct ChunkedVector<Element: Sendable>: Sendable {
    private static var shift: Int { 8 }
    private static var mask: Int { (1 << shift) - 1 }

    /// Groups of up to 256 chunks of up to 256 elements.
    private var groups: [[[Element]]] = []
    private(set) var count = 0

    subscript(index: Int) -> Element {
        get { groups[index >> (2 * Self.shift)][(index >> Self.shift) & Self.mask][index & Self.mask] }
        set { modify(index) { $0 = newValue } }
    }

    /// Changes one element in place: its chunk is copied only when shared.
    mutating func modify<Result>(_ index: Int, _ body: (inout Element) -> Result) -> Result {
        body(&groups[index >> (2 * Self.shift)][(index >> Self.shift) & Self.mask][index & Self.mask])
    }

    mutating func append(_ element: Element) {
        if count & ((1 << (2 * Self.shift)) - 1) == 0 {
            groups.append([])
        }
        let group = groups.count - 1
        if count & Self.mask == 0 {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.mask + 1)
            groups[group].append(chunk)
        }
        groups[group][groups[group].count - 1].append(element)
        count += 1
    }
}
