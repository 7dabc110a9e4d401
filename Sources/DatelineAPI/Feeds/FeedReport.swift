import Feeds
import Foundation

/// One feed as `GET /feeds` reports it: where it is, when it was fetched and with what result,
/// what its items became, and its last error.
struct FeedReport: Encodable, Sendable {
    var url: String
    var intervalSeconds: Int
    var lastFetchAt: String?
    var lastStatus: Int?
    var itemsSeen: Int
    var articlesCreated: Int
    var duplicates: Int
    var itemsFailed: Int
    var itemsDisallowed: Int
    var itemsPending: Int
    var lastError: String?
    var lastItemError: String?
    var nextFetchAt: String?
    var consecutiveFailures: Int

    init(_ status: FeedStatus) {
        url = status.url
        intervalSeconds = Int(status.interval.components.seconds)
        lastFetchAt = status.lastFetchAt.map(Self.timestamp)
        lastStatus = status.lastStatus
        itemsSeen = status.itemsSeen
        articlesCreated = status.articlesCreated
        duplicates = status.duplicates
        itemsFailed = status.itemsFailed
        itemsDisallowed = status.itemsDisallowed
        itemsPending = status.itemsPending
        lastError = status.lastError
        lastItemError = status.lastItemError
        nextFetchAt = status.nextFetchAt.map(Self.timestamp)
        consecutiveFailures = status.consecutiveFailures
    }

    /// `2024-08-13T10:00:00.000Z`, as the rest of the API writes instants.
    static func timestamp(_ date: Date) -> String {
        let milliseconds = Int((date.timeIntervalSince1970 * 1_000).rounded(.down))
        var out: [UInt8] = []
        LogTimestamp.append(seconds: milliseconds / 1_000, milliseconds: milliseconds % 1_000, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
