#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failure to read or write the data directory, with the file and the system's reason.
public struct DurabilityError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var errno: Int32?
    public var reason: String?

    /// Captures the current `errno` for a failed call.
    static func system(_ operation: String, _ path: String) -> DurabilityError {
        DurabilityError(operation: operation, path: path, errno: lastErrno, reason: nil)
    }

    public var description: String {
        let cause = errno.map { String(cString: strerror($0)) } ?? reason ?? "unknown failure"
        return "\(operation) \(path): \(cause)"
    }
}

/// The calling thread's `errno`, where a property of that name hides it.
private var lastErrno: Int32 { errno }
