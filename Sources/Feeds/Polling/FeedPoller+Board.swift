#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedPoller {
    /// Everything the poller's threads share, behind `board`'s lock.
    struct Board: Sendable {
        enum Phase: Sendable { case idle, running, stopped }

        var records: [FeedRecord]
        var phase: Phase = .idle
    }

    /// One feed's schedule, validators, memory of items and status.
    struct FeedRecord: Sendable {
        var status: FeedStatus
        /// When the feed is next due, on the monotonic clock (a step of the wall clock moves no
        /// poll); nil while a thread polls it or the poller is idle.
        var due: ContinuousClock.Instant?
        /// When its last poll started, on the same clock.
        var polledAt: ContinuousClock.Instant?
        var entityTag: String?
        var lastModified: String?
        var seen: SeenSet
        /// Items whose page is still to be fetched, oldest first.
        var pending: [PendingItem] = []

        init(source: FeedSource, seenCapacity: Int) {
            status = FeedStatus(url: source.url, interval: source.interval)
            seen = SeenSet(capacity: seenCapacity)
        }
    }

    /// An item waiting for its page, and how often the page has failed.
    struct PendingItem: Sendable {
        var item: FeedItem
        var attempts = 0
    }
}
