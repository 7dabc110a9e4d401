/// A sorted set of keyed elements kept as a two-level tree of short sorted arrays: groups of
/// chunks, each chunk at most `maxChunk` elements, each group at most `maxChunks` chunks.
///
/// A copy shares every chunk; an insert or removal copies one chunk, the chunk list of its
/// group, and the short list of groups, so a snapshot's next version costs a few kilobytes even
/// when the list holds a million keys. Each chunk's and group's last key and first position are
/// kept inline in the list above it, so a search reads one contiguous array per level instead
/// of following a reference per step, and the whole list is one reference (what a map of lists
/// copies and releases for every entry of a node it copies or frees).
/// Keys are unique: inserting an element whose key is present replaces it.
struct SortedChunks<Element: KeyedElement & Sendable>: Sendable {
    typealias Key = Element.Key
    private static var maxChunk: Int { 512 }
    private static var maxChunks: Int { 64 }

    /// Where a chunk starts within its group, and its last key.
    private struct Bound: Sendable {
        var start: Int
        var last: Key
    }

    /// A run of chunks (sorted arrays of elements) and each one's ``Bound``, in two arrays so
    /// that copying the bounds is a plain memory copy when keys hold no references; with the
    /// group's first position within the list, its size and its last key.
    private struct Group: Sendable {
        var chunks: [[Element]]
        var bounds: [Bound]
        var start: Int
        var count: Int
        var last: Key

        /// The chunk that holds `key` or would hold it: the first whose last key is not below it.
        func chunkIndex(for key: Key) -> Int {
            SortedChunks.partitionPoint(in: 0..<bounds.count) { bounds[$0].last < key }
        }

        /// The chunk holding a position within the group: the last whose start is not above it.
        func chunk(containing position: Int) -> Int {
            max(0, SortedChunks.partitionPoint(in: 0..<bounds.count) { bounds[$0].start <= position } - 1)
        }
    }

    private var groups: [Group] = []
    private(set) var count = 0

    init() {}

    /// Builds from elements already sorted by key, without duplicates.
    init(sorted elements: [Element]) {
        var position = 0
        var chunks: [[Element]] = []
        var bounds: [Bound] = []
        var inGroup = 0
        while position < elements.count {
            let end = min(position + Self.maxChunk / 2, elements.count)
            chunks.append(Array(elements[position..<end]))
            bounds.append(Bound(start: inGroup, last: elements[end - 1].key))
            inGroup += end - position
            position = end
            if chunks.count == Self.maxChunks / 2 || position == elements.count {
                groups.append(Group(chunks: chunks, bounds: bounds, start: count, count: inGroup, last: elements[end - 1].key))
                count += inGroup
                chunks = []
                bounds = []
                inGroup = 0
            }
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The group holding a position: the last whose start is not above it.
    private func group(containing position: Int) -> Int {
        max(0, Self.partitionPoint(in: 0..<groups.count) { groups[$0].start <= position } - 1)
    }

    /// The group that holds `key` or would hold it: the first whose last key is not below it.
    private func groupIndex(for key: Key) -> Int {
        Self.partitionPoint(in: 0..<groups.count) { groups[$0].last < key }
    }

    /// Where `key` is or would go in `chunk`, from `start` on.
    private static func offset(of key: Key, in chunk: [Element], from start: Int = 0) -> Int {
        partitionPoint(in: start..<chunk.count) { chunk[$0].key < key }
    }

    /// The first index of `range` where `isBelow` is false, `isBelow` holding for a prefix of
    /// the range and for nothing after it: every search of the list, by key or by position.
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

    /// The position of the first element whose key is not below `key` (`count` when none).
    func lowerBound(_ key: Key) -> Int {
        let g = groupIndex(for: key)
        guard g < groups.count else { return count }
        let c = groups[g].chunkIndex(for: key)
        return groups[g].start + groups[g].bounds[c].start + Self.offset(of: key, in: groups[g].chunks[c])
    }

    /// The element with this key, if any.
    func element(for key: Key) -> Element? {
        let g = groupIndex(for: key)
        guard g < groups.count else { return nil }
        let c = groups[g].chunkIndex(for: key)
        let o = Self.offset(of: key, in: groups[g].chunks[c])
        let elements = groups[g].chunks[c]
        return o < elements.count && elements[o].key == key ? elements[o] : nil
    }

    func contains(_ key: Key) -> Bool {
        element(for: key) != nil
    }

    /// Inserts the element, replacing one with the same key.
    mutating func insert(_ element: Element) {
        let key = element.key
        if groups.isEmpty {
            groups = [Group(chunks: [[element]], bounds: [Bound(start: 0, last: key)], start: 0, count: 1, last: key)]
            count = 1
            return
        }
        let g = min(groupIndex(for: key), groups.count - 1)
        let c = min(groups[g].chunkIndex(for: key), groups[g].chunks.count - 1)
        let o = Self.offset(of: key, in: groups[g].chunks[c])
        let size = groups[g].chunks[c].count
        if o < size && groups[g].chunks[c][o].key == key {
            groups[g].chunks[c][o] = element
            return
        }
        if size == groups[g].chunks[c].capacity {
            groups[g].chunks[c] = Self.inserting(element, at: o, into: groups[g].chunks[c])
        } else {
            groups[g].chunks[c].insert(element, at: o)
        }
        if o == size {
            // Only the last chunk of the last group takes a key above its last.
            groups[g].bounds[c].last = key
            groups[g].last = key
        }
        groups[g].count += 1
        for i in (c + 1)..<groups[g].chunks.count { groups[g].bounds[i].start += 1 }
        count += 1
        for i in (g + 1)..<groups.count { groups[i].start += 1 }
        if size + 1 > Self.maxChunk { splitChunk(c, of: g) }
        if groups[g].chunks.count > Self.maxChunks { splitGroup(g) }
    }

    /// A copy of a full chunk with the element inserted and a little room to spare. An array
    /// left to grow itself doubles its capacity; here, where most chunks stay as they are once
    /// written, that would leave a third of the index's memory unused.
    private static func inserting(_ element: Element, at offset: Int, into chunk: [Element]) -> [Element] {
        var grown: [Element] = []
        grown.reserveCapacity(min(maxChunk + 1, chunk.count + max(4, chunk.count / 8)))
        grown.append(contentsOf: chunk[..<offset])
        grown.append(element)
        grown.append(contentsOf: chunk[offset...])
        return grown
    }

    /// Splits a full chunk in two, each half in an array of its own size (an array keeps the
    /// capacity it grew to, and a half left in it would hold twice the room it needs).
    private mutating func splitChunk(_ c: Int, of g: Int) {
        let full = groups[g].chunks[c]
        let bound = groups[g].bounds[c]
        let half = full.count / 2
        groups[g].chunks[c] = Array(full[..<half])
        groups[g].bounds[c].last = full[half - 1].key
        groups[g].chunks.insert(Array(full[half...]), at: c + 1)
        groups[g].bounds.insert(Bound(start: bound.start + half, last: bound.last), at: c + 1)
    }

    private mutating func splitGroup(_ g: Int) {
        let full = groups[g]
        let half = full.chunks.count / 2
        let offset = full.bounds[half].start
        let head = Group(
            chunks: Array(full.chunks[..<half]), bounds: Array(full.bounds[..<half]), start: full.start, count: offset,
            last: full.bounds[half - 1].last)
        let tail = Group(
            chunks: Array(full.chunks[half...]), bounds: full.bounds[half...].map { Bound(start: $0.start - offset, last: $0.last) },
            start: full.start + offset, count: full.count - offset, last: full.last)
        groups[g] = head
        groups.insert(tail, at: g + 1)
    }

    /// Removes the element with this key; returns whether there was one.
    @discardableResult
    mutating func remove(_ key: Key) -> Bool {
        let g = groupIndex(for: key)
        guard g < groups.count else { return false }
        let c = groups[g].chunkIndex(for: key)
        let o = Self.offset(of: key, in: groups[g].chunks[c])
        let size = groups[g].chunks[c].count
        guard o < size, groups[g].chunks[c][o].key == key else { return false }
        count -= 1
        for i in (g + 1)..<groups.count { groups[i].start -= 1 }
        if groups[g].count == 1 {
            groups.remove(at: g)
            return true
        }
        groups[g].count -= 1
        if size == 1 {
            groups[g].chunks.remove(at: c)
            groups[g].bounds.remove(at: c)
            for i in c..<groups[g].bounds.count { groups[g].bounds[i].start -= 1 }
            if c == groups[g].bounds.count { groups[g].last = groups[g].bounds[c - 1].last }
        } else {
            groups[g].chunks[c].remove(at: o)
            if o == size - 1 {
                let last = groups[g].chunks[c][o - 1].key
                groups[g].bounds[c].last = last
                if c == groups[g].chunks.count - 1 { groups[g].last = last }
            }
            for i in (c + 1)..<groups[g].chunks.count { groups[g].bounds[i].start -= 1 }
        }
        return true
    }

    /// The element at a position, `0..<count`.
    subscript(position: Int) -> Element {
        let g = group(containing: position)
        let inGroup = position - groups[g].start
        let c = groups[g].chunk(containing: inGroup)
        return groups[g].chunks[c][inGroup - groups[g].bounds[c].start]
    }

    /// Visits the elements at `positions` in order, or in reverse order when `reversed`;
    /// stops early when `body` returns false. Returns false when it stopped early.
    @discardableResult
    func visit(_ positions: Range<Int>, reversed: Bool = false, _ body: (Element) -> Bool) -> Bool {
        let positions = positions.clamped(to: 0..<count)
        guard !positions.isEmpty else { return true }
        var remaining = positions.count
        if !reversed {
            var g = group(containing: positions.lowerBound)
            var c = groups[g].chunk(containing: positions.lowerBound - groups[g].start)
            var o = positions.lowerBound - groups[g].start - groups[g].bounds[c].start
            while remaining > 0 {
                let chunk = groups[g].chunks[c]
                while o < chunk.count && remaining > 0 {
                    if !body(chunk[o]) { return false }
                    o += 1
                    remaining -= 1
                }
                o = 0
                c += 1
                if c == groups[g].chunks.count {
                    g += 1
                    c = 0
                }
            }
        } else {
            let last = positions.upperBound - 1
            var g = group(containing: last)
            var c = groups[g].chunk(containing: last - groups[g].start)
            var o = last - groups[g].start - groups[g].bounds[c].start
            while remaining > 0 {
                let chunk = groups[g].chunks[c]
                while o >= 0 && remaining > 0 {
                    if !body(chunk[o]) { return false }
                    o -= 1
                    remaining -= 1
                }
                guard remaining > 0 else { break }
                if c == 0 {
                    g -= 1
                    c = groups[g].chunks.count - 1
                } else {
                    c -= 1
                }
                o = groups[g].chunks[c].count - 1
            }
        }
        return true
    }

    /// All elements in key order.
    var elements: [Element] {
        var out: [Element] = []
        out.reserveCapacity(count)
        for group in groups {
            for chunk in group.chunks { out.append(contentsOf: chunk) }
        }
        return out
    }

    /// A forward-only search for keys in rising order: cheaper than ``contains(_:)`` when
    /// testing many keys of another sorted list, as it never searches behind the last key.
    struct Seeker {
        private let groups: [Group]
        private var group = 0
        private var chunk = 0
        private var offset = 0

        init(_ list: SortedChunks) {
            groups = list.groups
        }

        /// Whether the list holds `key`; keys must be asked in rising order.
        mutating func contains(_ key: Key) -> Bool {
            while group < groups.count, groups[group].last < key {
                group += 1
                chunk = 0
                offset = 0
            }
            guard group < groups.count else { return false }
            let chunks = groups[group].chunks
            let bounds = groups[group].bounds
            while bounds[chunk].last < key {
                chunk += 1
                offset = 0
            }
            let elements = chunks[chunk]
            offset = SortedChunks.offset(of: key, in: elements, from: offset)
            return offset < elements.count && elements[offset].key == key
        }
    }
}
