#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for a descriptor to have something to read: the one place this module calls `poll`.
enum SocketWait {
    /// Whether `descriptor` became readable (or hung up) within `timeout`; false when the time
    /// ran out or a signal interrupted the wait, so callers loop against their own deadline.
    /// - Throws: `PostgresError` of kind `.client` when `poll` fails otherwise.
    static func readable(_ descriptor: Int32, timeout: Duration) throws -> Bool {
        let milliseconds = max(0, timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&entry, 1, Int32(clamping: milliseconds))
        if ready < 0 {
            let code = errno
            if code == EINTR { return false }
            throw PostgresError(.client, message: "poll: \(String(cString: strerror(code)))")
        }
        return ready > 0
    }
}
