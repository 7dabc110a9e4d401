import Foundation
import Locking

/// The robots.txt rules of each origin, kept for a while: a good answer for `lifetime`, a
/// failure (which disallows everything) only for `retryAfter`, so the file is asked for again
/// soon. Bounded: past `capacity` origins, expired entries go, then the oldest.
final class RobotsCache: Sendable {
    private struct Entry {
        let rules: RobotsRules
        let expires: Date
    }

    private let entries = Locked([String: Entry]())
    private let capacity: Int

    init(capacity: Int = 1_024) {
        self.capacity = capacity
    }

    /// The cached rules of `origin`, if still fresh.
    func rules(for origin: String, now: Date = Date()) -> RobotsRules? {
        entries.withLock { entries in
            guard let entry = entries[origin], entry.expires > now else { return nil }
            return entry.rules
        }
    }

    /// Keeps `rules` for `origin` until `expires`.
    func store(_ rules: RobotsRules, for origin: String, expires: Date) {
        entries.withLock { entries in
            if entries[origin] == nil, entries.count >= capacity {
                let now = Date()
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity, let oldest = entries.min(by: { $0.value.expires < $1.value.expires })?.key {
                    entries[oldest] = nil
                }
            }
            entries[origin] = Entry(rules: rules, expires: expires)
        }
    }
}
