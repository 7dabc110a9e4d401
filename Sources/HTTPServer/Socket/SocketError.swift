#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed socket call, with the errno the system gave and its text.
public struct SocketError: Error, Sendable, CustomStringConvertible {
    /// The call that failed (`bind`, `listen`).
    public var operation: String
    public var errno: Int32

    /// Captures the current `errno` for a failed call.
    public static func makeFailed(_ operation: String) -> SocketError {
        SocketError(operation: operation, errno: Posix.lastError)
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
