/// A sorted set of keyed elements kept as a list of short sorted arrays (a one-level B-tree).
///
/// A copy shares every chunk; an insert or removal copies one chunk of at most
/// `maxChunk` elements and the small arrays of chunk references and start positions, so a
/// snapshot's next version costs little even when the list holds a hundred thousand keys.
/// Keys are unique: inserting an element whose key is present replaces it.
struct SortedChunks<Element: KeyedElement & Sendable>: Sendable {
    typealias Key = Element.Key
    private static var maxChunk: Int { 512 }

    private var chunks: [[Element]] = []
    /// The position of each chunk's first element.
    private var starts: [Int] = []
    private(set) var count = 0

    init() {}

    /// Builds from elements already sorted by key, without duplicates.
    init(sorted elements: [Element]) {
        var position = 0
        while position < elements.count {
            let end = min(position + Self.maxChunk / 2, elements.count)
            chunks.append(Array(elements[position..<end]))
            starts.append(position)
            position = end
        }
        count = elements.count
    }

    var isEmpty: Bool { count == 0 }

    /// The chunk that holds `key` or would hold it: the first whose last key is not below it.
    private func chunkIndex(for key: Key) -> Int {
        var low = 0
        var high = chunks.count
        while low < high {
            let mid = (low + high) / 2
            if chunks[mid][chunks[mid].count - 1].key < key { low = mid + 1 } else { high = mid }
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
        let c = chunkIndex(for: key)
        guard c < chunks.count else { return count }
        return starts[c] + Self.offset(of: key, in: chunks[c])
    }

    /// The element with this key, if any.
    func element(for key: Key) -> Element? {
        let c = chunkIndex(for: key)
        guard c < chunks.count else { return nil }
        let chunk = chunks[c]
        let o = Self.offset(of: key, in: chunk)
        return o < chunk.count && chunk[o].key == key ? chunk[o] : nil
    }

    func contains(_ key: Key) -> Bool {
        element(for: key) != nil
    }

    /// Inserts the element, replacing one with the same key.
    mutating func insert(_ element: Element) {
        if chunks.isEmpty {
            chunks = [[element]]
            starts = [0]
            count = 1
            return
        }
        let c = min(chunkIndex(for: element.key), chunks.count - 1)
        let o = Self.offset(of: element.key, in: chunks[c])
        if o < chunks[c].count && chunks[c][o].key == element.key {
            chunks[c][o] = element
            return
        }
        chunks[c].insert(element, at: o)
        count += 1
        for i in (c + 1)..<chunks.count { starts[i] += 1 }
        if chunks[c].count > Self.maxChunk {
            let half = chunks[c].count / 2
            let tail = Array(chunks[c][half...])
            chunks[c].removeSubrange(half...)
            chunks.insert(tail, at: c + 1)
            starts.insert(starts[c] + half, at: c + 1)
        }
    }

    /// Removes the element with this key; returns whether there was one.
    @discardableResult
    mutating func remove(_ key: Key) -> Bool {
        let c = chunkIndex(for: key)
        guard c < chunks.count else { return false }
        let o = Self.offset(of: key, in: chunks[c])
        guard o < chunks[c].count, chunks[c][o].key == key else { return false }
        chunks[c].remove(at: o)
        count -= 1
        if chunks[c].isEmpty {
            chunks.remove(at: c)
            starts.remove(at: c)
            for i in c..<chunks.count { starts[i] -= 1 }
        } else {
            for i in (c + 1)..<chunks.count { starts[i] -= 1 }
        }
        return true
    }

    /// The element at a position, `0..<count`.
    subscript(position: Int) -> Element {
        let c = chunk(containing: position)
        return chunks[c][position - starts[c]]
    }

    private func chunk(containing position: Int) -> Int {
        var low = 0
        var high = chunks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Visits the elements at `positions` in order, or in reverse order when `reversed`;
    /// stops early when `body` returns false. Returns false when it stopped early.
    @discardableResult
    func visit(_ positions: Range<Int>, reversed: Bool = false, _ body: (Element) -> Bool) -> Bool {
        let positions = positions.clamped(to: 0..<count)
        guard !positions.isEmpty else { return true }
        if !reversed {
            var c = chunk(containing: positions.lowerBound)
            var o = positions.lowerBound - starts[c]
            var remaining = positions.count
            while remaining > 0 {
                let chunk = chunks[c]
                while o < chunk.count && remaining > 0 {
                    if !body(chunk[o]) { return false }
                    o += 1
                    remaining -= 1
                }
                c += 1
                o = 0
            }
        } else {
            var c = chunk(containing: positions.upperBound - 1)
            var o = positions.upperBound - 1 - starts[c]
            var remaining = positions.count
            while remaining > 0 {
                let chunk = chunks[c]
                while o >= 0 && remaining > 0 {
                    if !body(chunk[o]) { return false }
                    o -= 1
                    remaining -= 1
                }
                c -= 1
                if c >= 0 { o = chunks[c].count - 1 }
            }
        }
        return true
    }

    /// All elements in key order.
    var elements: [Element] {
        chunks.flatMap { $0 }
    }

    /// A forward-only search for keys in rising order: cheaper than ``contains(_:)`` when
    /// testing many keys of another sorted list, as it never searches behind the last key.
    struct Seeker {
        private let chunks: [[Element]]
        private var chunk = 0
        private var offset = 0

        init(_ list: SortedChunks) {
            chunks = list.chunks
        }

        /// Whether the list holds `key`; keys must be asked in rising order.
        mutating func contains(_ key: Key) -> Bool {
            while chunk < chunks.count, chunks[chunk][chunks[chunk].count - 1].key < key {
                chunk += 1
                offset = 0
            }
            guard chunk < chunks.count else { return false }
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
