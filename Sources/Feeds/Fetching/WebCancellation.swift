import Locking

/// A flag that stops transfers in flight: every transfer given it checks it while it runs
/// (libcurl asks at least about once a second) and ends with ``WebFetchError/Kind/cancelled``.
///
/// ```swift
/// let cancellation = WebCancellation()
/// // on another thread: cancellation.cancel()
/// _ = try? client.get(url, cancellation: cancellation)
/// ```
public final class WebCancellation: Sendable {
    private let cancelled = Locked(false)

    /// A flag not yet raised.
    public init() {}

    /// Raises the flag; transfers watching it stop soon after.
    public func cancel() {
        cancelled.withLock { $0 = true }
    }

    /// Whether the flag is raised.
    public var isCancelled: Bool {
        cancelled.withLock { $0 }
    }
}
