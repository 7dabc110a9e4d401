/// A sorted set of keyed elements kept as a B+ tree of short sorted arrays: chunks of at most
/// `maxChunk` elements at the leaves, and above them nodes of at most `maxFanout` entries, each
/// entry a subtree with its size and last key.
///
/// A copy shares every node. An insert or removal copies the chunk it changes and the node
/// above it at each level, so a snapshot's next version costs a few kilobytes even when the
/// list holds a million keys. Copying a node retains one reference per entry, and in a large
/// store each is a cache miss, so nodes are kept small: a million keys take three or four
/// levels of at most 16 entries above the chunks. Sizes and last keys sit inline in the node
/// above, so a search reads one contiguous array per level. The whole list is one reference
/// (what a map of lists copies and releases for every entry of a node it copies or frees).
/// Keys are unique: inserting an element whose key is present replaces it.
struct SortedChunks<Element: KeyedElement & Sendable>: Sendable {
    typealias Key = Element.Key
    private static var maxChunk: Int { 512 }
    private static var maxFanout: Int { 16 }

    /// A subtree: a chunk of elements in key order, or the entries of the subtrees below.
    private enum Node: Sendable {
        case chunk([Element])
        case inner([Entry])
    }

    /// A subtree, with how many elements it holds and its last key.
    private struct Entry: Sendable {
        var node: Node
        var count: Int
        var last: Key
    }

    /// The top node's entries.
    private var root: [Entry] = []

    init() {}

    /// Builds from elements already sorted by key, without duplicates: chunks and nodes half
    /// full, so that inserts fill them before they split.
    init(sorted elements: [Element]) {
        var level: [Entry] = stride(from: 0, to: elements.count, by: Self.maxChunk / 2).map { start in
            let end = min(start + Self.maxChunk / 2, elements.count)
            return Self.entry(forChunk: Array(elements[start..<end]))
        }
        while level.count > Self.maxFanout {
            level = stride(from: 0, to: level.count, by: Self.maxFanout / 2).map { start in
                Self.entry(forNode: Array(level[start..<min(start + Self.maxFanout / 2, level.count)]))
            }
        }
        root = level
    }

    /// How many elements the list holds: the sum of the top node's entries.
    var count: Int { root.reduce(0) { $0 + $1.count } }

    var isEmpty: Bool { root.isEmpty }

    /// The entry for a chunk of elements (not empty).
    private static func entry(forChunk elements: [Element]) -> Entry {
        Entry(node: .chunk(elements), count: elements.count, last: elements[elements.count - 1].key)
    }

    /// The entry for an inner node of these entries (not empty).
    private static func entry(forNode entries: [Entry]) -> Entry {
        Entry(node: .inner(entries), count: entries.reduce(0) { $0 + $1.count }, last: entries[entries.count - 1].last)
    }

    /// The first index of `range` where `isBelow` is false, `isBelow` holding for a prefix of
    /// the range and for nothing after it: every search of the list by key.
    @inline(__always)
    private static func partitionPoint(in range: Range<Int>, where isBelow: (Int) -> Bool) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let mid = (low + high) / 2
            if isBelow(mid) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The entry that holds `key` or would hold it: the first whose last key is not below it.
    private static func index(for key: Key, in entries: [Entry]) -> Int {
        // Keys mostly arrive in order, past every key so far: that needs no search.
        if let last = entries.last?.last, last < key { return entries.count }
        return partitionPoint(in: 0..<entries.count) { entries[$0].last < key }
    }

    /// Where `key` is or would go in `elements`, from `start` on.
    private static func offset(of key: Key, in elements: [Element], from start: Int = 0) -> Int {
        // As above: most keys go at the end.
        if let last = elements.last?.key, last < key { return elements.count }
        return partitionPoint(in: start..<elements.count) { elements[$0].key < key }
    }

    /// The chunk that holds `key` or would hold it, and its first position; nil when every key
    /// is below `key`.
    private func chunk(for key: Key) -> (elements: [Element], start: Int)? {
        var entries = root
        var start = 0
        while true {
            let i = Self.index(for: key, in: entries)
            guard i < entries.count else { return nil }
            for before in entries[..<i] { start += before.count }
            switch entries[i].node {
            case .chunk(let elements): return (elements, start)
            case .inner(let children): entries = children
            }
        }
    }

    /// The position of the first element whose key is not below `key` (`count` when none).
    func lowerBound(_ key: Key) -> Int {
        guard let (elements, start) = chunk(for: key) else { return count }
        return start + Self.offset(of: key, in: elements)
    }

    /// The element with this key, if any.
    func element(for key: Key) -> Element? {
        guard let elements = chunk(for: key)?.elements else { return nil }
        let o = Self.offset(of: key, in: elements)
        return o < elements.count && elements[o].key == key ? elements[o] : nil
    }

    func contains(_ key: Key) -> Bool {
        element(for: key) != nil
    }

    /// Inserts the element, replacing one with the same key.
    mutating func insert(_ element: Element) {
        guard !root.isEmpty else {
            root = [Self.entry(forChunk: [element])]
            return
        }
        let appended = Self.insert(element, into: &root).appended
        if root.count > Self.maxFanout {
            let (head, tail) = Self.halves(of: root, appended: appended)
            root = [Self.entry(forNode: head), Self.entry(forNode: tail)]
        }
    }

    /// Inserts into the subtrees an inner node's entries hold, and splits the child that grew
    /// too large; the node itself is left for its parent to split. Returns whether the element
    /// was new, and whether it went after every other: only a key above the whole list does, as
    /// any other goes to the first subtree whose last key is not below it.
    private static func insert(_ element: Element, into entries: inout [Entry]) -> (added: Bool, appended: Bool) {
        let key = element.key
        let i = min(index(for: key, in: entries), entries.count - 1)
        var node = Node.inner([])
        // The child is moved out of its entry (an empty node in its place), so that it is
        // changed in place when no snapshot shares it.
        swap(&node, &entries[i].node)
        var result = (added: false, appended: false)
        var split: (head: Entry, tail: Entry)?
        switch consume node {
        case .chunk(var elements):
            let o = offset(of: key, in: elements)
            result = (!(o < elements.count && elements[o].key == key), o == elements.count)
            if !result.added {
                elements[o] = element
            } else if elements.count == elements.capacity {
                elements = inserting(element, at: o, into: elements)
            } else {
                elements.insert(element, at: o)
            }
            if elements.count > maxChunk {
                let (head, tail) = halves(of: elements, appended: result.appended)
                split = (entry(forChunk: head), entry(forChunk: tail))
            } else {
                entries[i].node = .chunk(elements)
            }
        case .inner(var children):
            result = insert(element, into: &children)
            if children.count > maxFanout {
                let (head, tail) = halves(of: children, appended: result.appended)
                split = (entry(forNode: head), entry(forNode: tail))
            } else {
                entries[i].node = .inner(children)
            }
        }
        if let split {
            entries[i] = split.head
            entries.insert(split.tail, at: i + 1)
        } else {
            if result.added { entries[i].count += 1 }
            if result.appended { entries[i].last = key }
        }
        return result
    }

    /// A full chunk or node split in two, each half in an array of its own size (an array keeps
    /// the capacity it grew to, and a half left in it would hold twice the room it needs). When
    /// the last insert was appended at the end of the list, where keys mostly arrive in order,
    /// the head keeps all but that one, so that appending fills chunks instead of leaving them
    /// half empty.
    private static func halves<T>(of items: [T], appended: Bool) -> (head: [T], tail: [T]) {
        let cut = appended ? items.count - 1 : items.count / 2
        return (Array(items[..<cut]), Array(items[cut...]))
    }

    /// A copy of a full chunk with the element inserted and a little room to spare. An array
    /// left to grow itself doubles its capacity; here, where most chunks stay as they are once
    /// written, that would leave a third of the index's memory unused.
    private static func inserting(_ element: Element, at offset: Int, into elements: [Element]) -> [Element] {
        var grown: [Element] = []
        grown.reserveCapacity(min(maxChunk + 1, elements.count + max(4, elements.count / 8)))
        grown.append(contentsOf: elements[..<offset])
        grown.append(element)
        grown.append(contentsOf: elements[offset...])
        return grown
    }

    /// Removes the element with this key; returns whether there was one.
    @discardableResult
    mutating func remove(_ key: Key) -> Bool {
        guard Self.remove(key, from: &root) else { return false }
        // A root of one node gives way to that node.
        while root.count == 1, case .inner(let children) = root[0].node { root = children }
        return true
    }

    /// Removes from the subtree an inner node's entries hold; a child left empty is dropped.
    private static func remove(_ key: Key, from entries: inout [Entry]) -> Bool {
        let i = index(for: key, in: entries)
        guard i < entries.count else { return false }
        var node = Node.inner([])
        // As in an insert: the child is changed in place when no snapshot shares it.
        swap(&node, &entries[i].node)
        let removed: Bool
        let last: Key?
        switch consume node {
        case .chunk(var elements):
            let o = offset(of: key, in: elements)
            removed = o < elements.count && elements[o].key == key
            if removed { elements.remove(at: o) }
            last = elements.last?.key
            entries[i].node = .chunk(elements)
        case .inner(var children):
            removed = remove(key, from: &children)
            last = children.last?.last
            entries[i].node = .inner(children)
        }
        guard removed else { return false }
        if let last {
            entries[i].count -= 1
            entries[i].last = last
        } else {
            entries.remove(at: i)
        }
        return true
    }

    /// The element at a position, `0..<count`.
    subscript(position: Int) -> Element {
        var entries = root
        var position = position
        while true {
            var i = 0
            while position >= entries[i].count {
                position -= entries[i].count
                i += 1
            }
            switch entries[i].node {
            case .chunk(let elements): return elements[position]
            case .inner(let children): entries = children
            }
        }
    }

    /// Visits the elements at `positions` in order, or in reverse order when `reversed`;
    /// stops early when `body` returns false. Returns false when it stopped early.
    @discardableResult
    func visit(_ positions: Range<Int>, reversed: Bool = false, _ body: (Element) -> Bool) -> Bool {
        let total = count
        let positions = positions.clamped(to: 0..<total)
        guard !positions.isEmpty else { return true }
        return Self.visit(root, total: total, positions, reversed: reversed, body)
    }

    /// Visits the elements at `positions` of the subtrees `entries` holds, positions counted
    /// from the first of them; `total` is how many elements they hold.
    private static func visit(
        _ entries: [Entry], total: Int, _ positions: Range<Int>, reversed: Bool, _ body: (Element) -> Bool
    ) -> Bool {
        var start = reversed ? total : 0
        for step in entries.indices {
            let i = reversed ? entries.count - 1 - step : step
            let own = reversed ? (start - entries[i].count)..<start : start..<(start + entries[i].count)
            start = reversed ? own.lowerBound : own.upperBound
            guard own.overlaps(positions) else {
                if reversed ? own.upperBound <= positions.lowerBound : own.lowerBound >= positions.upperBound { break }
                continue
            }
            let overlap = own.clamped(to: positions)
            let inside = (overlap.lowerBound - own.lowerBound)..<(overlap.upperBound - own.lowerBound)
            switch entries[i].node {
            case .chunk(let elements):
                if reversed {
                    for element in elements[inside].reversed() where !body(element) { return false }
                } else {
                    for element in elements[inside] where !body(element) { return false }
                }
            case .inner(let children):
                if !visit(children, total: entries[i].count, inside, reversed: reversed, body) { return false }
            }
        }
        return true
    }

    /// All elements in key order.
    var elements: [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        visit(0..<count) {
            out.append($0)
            return true
        }
        return out
    }

    /// A forward-only search for keys in rising order: cheaper than ``contains(_:)`` when
    /// testing many keys of another sorted list, as it searches a chunk from where it left off
    /// and the tree only when a key is past the chunk.
    struct Seeker {
        private let list: SortedChunks
        private var elements: [Element] = []
        private var offset = 0

        init(_ list: SortedChunks) {
            self.list = list
        }

        /// Whether the list holds `key`; keys must be asked in rising order.
        mutating func contains(_ key: Key) -> Bool {
            if elements.last.map({ $0.key < key }) ?? true {
                guard let found = list.chunk(for: key)?.elements else { return false }
                elements = found
                offset = 0
            }
            offset = SortedChunks.offset(of: key, in: elements, from: offset)
            return offset < elements.count && elements[offset].key == key
        }
    }
}
