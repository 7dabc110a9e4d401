/// A sorted set of keyed elements kept as a two-level tree of short sorted arrays: groups of
/// chunks, each chunk at most `maxChunk` elements, each group at most `maxChunks` chunks.
///
/// A copy shares every chunk; an insert or removal copies one chunk, the chunk list and start
/// positions of its group, and the short list of groups, so a snapshot's next version costs
/// a few kilobytes even when the list holds a million keys.
/// Keys are unique: inserting an element whose key is present replaces it.
struct SortedChunks<Element: KeyedElement & Sendable>: Sendable {
    typealias Key = Element.Key
    private static var maxChunk: Int { 512 }
    private static var maxChunks: Int { 64 }

    /// A run of chunks and the position of each chunk's first element within the group.
    private struct Group: Sendable {
        var chunks: [[Element]]
        var starts: [Int]
        var count: Int

        var lastKey: Key { chunks[chunks.count - 1][chunks[chunks.count - 1].count - 1].key }

        /// The chunk that holds `key` or would hold it: the first whose last key is not below it.
        func chunkIndex(for key: Key) -> Int {
            var low = 0
            var high = chunks.count
            while low < high {
                let mid = (low + high) / 2
                if chunks[mid][chunks[mid].count - 1].key < key { low = mid + 1 } else { high = mid }
            }
            return low
        }

        func chunk(containing position: Int) -> Int {
            SortedChunks.last(in: starts, notAbove: position)
        }
    }

    private var groups: [Group] = []
    /// The position of each group's first element.
    private var groupStarts: [Int] = []
    private(set) var count = 0

    init() {}

    /// Builds from elements already sorted by key, without duplicates.
    init(sorted elements: [Element]) {
        var position = 0
        var group = Group(chunks: [], starts: [], count: 0)
        while position < elements.count {
            let end = min(position + Self.maxChunk / 2, elements.count)
            group.starts.append(group.count)
            group.chunks.append(Array(elements[position..<end]))
            group.count += end - position
            position = end
            if group.chunks.count == Self.maxChunks / 2 || position == elements.count {
                groupStarts.append(count)
                count += group.count
                groups.append(group)
                group = Group(chunks: [], starts: [], count: 0)
            }
        }
    }

    var isEmpty: Bool { count == 0 }

    /// The index of the last of the rising `starts` not above `position`.
    private static func last(in starts: [Int], notAbove position: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The group that holds `key` or would hold it: the first whose last key is not below it.
    private func groupIndex(for key: Key) -> Int {
        var low = 0
        var high = groups.count
        while low < high {
            let mid = (low + high) / 2
            if groups[mid].lastKey < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func offset(of key: Key, in chunk: [Element]) -> Int {
        var low = 0
        var high = chunk.count
        while low < high {
            let mid = (low + high) / 2
            if chunk[mid].key < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The position of the first element whose key is not below `key` (`count` when none).
    func lowerBound(_ key: Key) -> Int {
        let g = groupIndex(for: key)
        guard g < groups.count else { return count }
        let c = groups[g].chunkIndex(for: key)
        return groupStarts[g] + groups[g].starts[c] + Self.offset(of: key, in: groups[g].chunks[c])
    }

    /// The element with this key, if any.
    func element(for key: Key) -> Element? {
        let g = groupIndex(for: key)
        guard g < groups.count else { return nil }
        let chunk = groups[g].chunks[groups[g].chunkIndex(for: key)]
        let o = Self.offset(of: key, in: chunk)
        return o < chunk.count && chunk[o].key == key ? chunk[o] : nil
    }

    func contains(_ key: Key) -> Bool {
        element(for: key) != nil
    }

    /// Inserts the element, replacing one with the same key.
    mutating func insert(_ element: Element) {
        if groups.isEmpty {
            groups = [Group(chunks: [[element]], starts: [0], count: 1)]
            groupStarts = [0]
            count = 1
            return
        }
        let g = min(groupIndex(for: element.key), groups.count - 1)
        let c = min(groups[g].chunkIndex(for: element.key), groups[g].chunks.count - 1)
        let o = Self.offset(of: element.key, in: groups[g].chunks[c])
        if o < groups[g].chunks[c].count && groups[g].chunks[c][o].key == element.key {
            groups[g].chunks[c][o] = element
            return
        }
        if groups[g].chunks[c].count == groups[g].chunks[c].capacity {
            groups[g].chunks[c] = Self.inserting(element, at: o, into: groups[g].chunks[c])
        } else {
            groups[g].chunks[c].insert(element, at: o)
        }
        groups[g].count += 1
        for i in (c + 1)..<groups[g].chunks.count { groups[g].starts[i] += 1 }
        count += 1
        for i in (g + 1)..<groups.count { groupStarts[i] += 1 }
        if groups[g].chunks[c].count > Self.maxChunk { splitChunk(c, of: g) }
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
        let half = full.count / 2
        groups[g].chunks[c] = Array(full[..<half])
        groups[g].chunks.insert(Array(full[half...]), at: c + 1)
        groups[g].starts.insert(groups[g].starts[c] + half, at: c + 1)
    }

    private mutating func splitGroup(_ g: Int) {
        let full = groups[g]
        let half = full.chunks.count / 2
        let offset = full.starts[half]
        let head = Group(chunks: Array(full.chunks[..<half]), starts: Array(full.starts[..<half]), count: offset)
        let tail = Group(
            chunks: Array(full.chunks[half...]), starts: full.starts[half...].map { $0 - offset }, count: full.count - offset)
        groups[g] = head
        groups.insert(tail, at: g + 1)
        groupStarts.insert(groupStarts[g] + offset, at: g + 1)
    }

    /// Removes the element with this key; returns whether there was one.
    @discardableResult
    mutating func remove(_ key: Key) -> Bool {
        let g = groupIndex(for: key)
        guard g < groups.count else { return false }
        let c = groups[g].chunkIndex(for: key)
        let o = Self.offset(of: key, in: groups[g].chunks[c])
        guard o < groups[g].chunks[c].count, groups[g].chunks[c][o].key == key else { return false }
        count -= 1
        for i in (g + 1)..<groups.count { groupStarts[i] -= 1 }
        if groups[g].count == 1 {
            groups.remove(at: g)
            groupStarts.remove(at: g)
            return true
        }
        groups[g].count -= 1
        if groups[g].chunks[c].count == 1 {
            groups[g].chunks.remove(at: c)
            groups[g].starts.remove(at: c)
            for i in c..<groups[g].chunks.count { groups[g].starts[i] -= 1 }
        } else {
            groups[g].chunks[c].remove(at: o)
            for i in (c + 1)..<groups[g].chunks.count { groups[g].starts[i] -= 1 }
        }
        return true
    }

    /// The element at a position, `0..<count`.
    subscript(position: Int) -> Element {
        let g = Self.last(in: groupStarts, notAbove: position)
        let inGroup = position - groupStarts[g]
        let c = groups[g].chunk(containing: inGroup)
        return groups[g].chunks[c][inGroup - groups[g].starts[c]]
    }

    /// Visits the elements at `positions` in order, or in reverse order when `reversed`;
    /// stops early when `body` returns false. Returns false when it stopped early.
    @discardableResult
    func visit(_ positions: Range<Int>, reversed: Bool = false, _ body: (Element) -> Bool) -> Bool {
        let positions = positions.clamped(to: 0..<count)
        guard !positions.isEmpty else { return true }
        var remaining = positions.count
        if !reversed {
            var g = Self.last(in: groupStarts, notAbove: positions.lowerBound)
            var c = groups[g].chunk(containing: positions.lowerBound - groupStarts[g])
            var o = positions.lowerBound - groupStarts[g] - groups[g].starts[c]
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
            var g = Self.last(in: groupStarts, notAbove: last)
            var c = groups[g].chunk(containing: last - groupStarts[g])
            var o = last - groupStarts[g] - groups[g].starts[c]
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
            while group < groups.count, groups[group].lastKey < key {
                group += 1
                chunk = 0
                offset = 0
            }
            guard group < groups.count else { return false }
            let chunks = groups[group].chunks
            while chunks[chunk][chunks[chunk].count - 1].key < key {
                chunk += 1
                offset = 0
            }
            let elements = chunks[chunk]
            var low = offset
            var high = elements.count
            while low < high {
                let mid = (low + high) / 2
                if elements[mid].key < key { low = mid + 1 } else { high = mid }
            }
            offset = low
            return low < elements.count && elements[low].key == key
        }
    }
}
