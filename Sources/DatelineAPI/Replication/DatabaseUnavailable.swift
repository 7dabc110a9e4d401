/// A write that could not be made durable in the database: it was not applied, and may be
/// tried again after `retryAfter` seconds. Writes answer 503 with `Retry-After`.
public struct DatabaseUnavailable: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for the problem's detail and the log.
    public var reason: String
    public var retryAfter: Int

    public init(reason: String, retryAfter: Int = 1) {
        self.reason = reason
        self.retryAfter = retryAfter
    }

    public var description: String { "the database is unavailable: \(reason)" }
}
