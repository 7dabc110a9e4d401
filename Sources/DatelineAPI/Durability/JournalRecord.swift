import NewsModel

/// One accepted write: the changes it made and the store version they produced.
struct JournalRecord: Codable, Sendable, Hashable {
    var version: UInt64
    var changes: [StoreChange]
}
