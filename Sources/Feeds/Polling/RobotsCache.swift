import Locking

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What each origin's robots.txt said, kept until a given time (the poller keeps rules long
/// and failures briefly). Bounded: past `capacity` origins, expired entries go, then the
/// oldest.
final class RobotsCache: Sendable {
    /// The outcome of asking an origin for its robots.txt.
    enum Answer: Sendable, Hashable {
        /// The rules to follow (allow-all when there is no file).
        case rules(RobotsRules)
        /// The file could not be read (5xx, 429, no answer): the whole site is off limits
        /// until it can.
        case unavailable
    }

    private struct Entry {
        let answer: Answer
        let expires: Date
    }

    private let entries = Locked([String: Entry]())
    private let capacity: Int

    init(capacity: Int = 1_024) {
        self.capacity = capacity
    }

    /// The cached answer of `origin`, if still fresh.
    func answer(for origin: String, now: Date = Date()) -> Answer? {
        entries.withLock { entries in
            guard let entry = entries[origin], entry.expires > now else { return nil }
            return entry.answer
        }
    }

    /// Keeps `answer` for `origin` until `expires`.
    func store(_ answer: Answer, for origin: String, expires: Date) {
        entries.withLock { entries in
            if entries[origin] == nil, entries.count >= capacity {
                let now = Date()
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires })?.key {
                    entries[oldest] = nil
                }
            }
            entries[origin] = Entry(answer: answer, expires: expires)
        }
    }
}
