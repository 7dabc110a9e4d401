/// The most recent change records, oldest first, at most `capacity` of them.
struct ChangeLog: Sendable {
    let capacity: Int
    private var records: [ChangeRecord] = []
    private var start = 0
    /// Every record with a version above this one is still held.
    private(set) var floor: UInt64 = 0

    /// An empty log for a store at `baseVersion`: changes up to it are not held.
    init(capacity: Int, baseVersion: UInt64 = 0) {
        precondition(capacity > 0, "a change log needs room for at least one record")
        self.capacity = capacity
        self.floor = baseVersion
    }

    mutating func append(_ new: [ChangeRecord]) {
        records.append(contentsOf: new)
        while records.count - start > capacity {
            floor = records[start].version
            start += 1
        }
        if start > capacity {
            records.removeFirst(start)
            start = 0
        }
    }

    /// The records with a version above `version`, oldest first; nil when some of them have
    /// already been dropped.
    func records(since version: UInt64) -> [ChangeRecord]? {
        guard version >= floor else { return nil }
        var low = start
        var high = records.count
        while low < high {
            let mid = (low + high) / 2
            if records[mid].version <= version { low = mid + 1 } else { high = mid }
        }
        return Array(records[low...])
    }
}
