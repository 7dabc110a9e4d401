import Locking

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Date` header value, formatted at most once a second and shared by every connection.
final class DateHeader: Sendable {
    private let cached = Locked<(second: Int, text: String)>((-1, ""))

    /// The current time as an IMF-fixdate.
    var current: String {
        let now = time(nil)
        return cached.withLock { cache in
            if cache.second != now {
                cache = (now, HTTPDate.format(secondsSince1970: now))
            }
            return cache.text
        }
    }
}
