/// How long to wait before the next connection attempt after failures in a row: `initial`,
/// doubled after each further failure, never more than `maximum`.
///
/// ```swift
/// let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(5))
/// backoff.delay(afterFailures: 3)  // 400 ms
/// ```
public struct Backoff: Sendable, Hashable {
    public var initial: Duration
    public var maximum: Duration

    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(5)) {
        precondition(initial > .zero && maximum >= initial, "a backoff needs 0 < initial <= maximum")
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait after `failures` failed attempts in a row: none after none.
    public func delay(afterFailures failures: Int) -> Duration {
        guard failures > 0 else { return .zero }
        var delay = initial
        for _ in 1..<failures {
            delay *= 2
            if delay >= maximum { return maximum }
        }
        return min(delay, maximum)
    }
}
