#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// How one feed is doing, as ``FeedPoller/statuses`` reports it.
///
/// ```swift
/// for status in poller.statuses where status.consecutiveFailures > 0 {
///     print(status.url, status.lastError ?? "", status.nextFetchAt ?? .distantFuture)
/// }
/// ```
public struct FeedStatus: Sendable, Hashable, Codable {
    /// The feed's address.
    public var url: String
    /// The configured time between polls.
    public var interval: Duration
    /// When the last poll began; nil before the first.
    public var lastFetchAt: Date?
    /// The HTTP status of the last feed fetch (304 when nothing changed); nil when it got none.
    public var lastStatus: Int?
    /// Items discovered in the feed so far.
    public var itemsSeen: Int = 0
    /// Pages the sink stored as new articles.
    public var articlesCreated: Int = 0
    /// Pages the sink already knew.
    public var duplicates: Int = 0
    /// Items given up on: their page failed on every attempt, or the sink threw.
    public var itemsFailed: Int = 0
    /// Items whose page robots.txt forbids fetching.
    public var itemsDisallowed: Int = 0
    /// Items waiting for their page to be fetched (again).
    public var itemsPending: Int = 0
    /// Why the last poll of the feed failed; nil after a success.
    public var lastError: String?
    /// The last item's failure (a page fetch or the sink), with the item's link.
    public var lastItemError: String?
    /// When the next poll is due, as last scheduled; nil before `start()` and while the feed
    /// is being polled.
    public var nextFetchAt: Date?
    /// Feed polls failed in a row; each one doubles the wait, up to a cap.
    public var consecutiveFailures: Int = 0

    /// The status of a feed not yet polled.
    public init(url: String, interval: Duration) {
        self.url = url
        self.interval = interval
    }
}
