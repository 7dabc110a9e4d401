/// A value behind a lock: the one way state shared across threads is kept in Dateline.
///
/// It plays the part of `Synchronization.Mutex`, with the same `withLock`, but rests on a
/// pthread mutex: on Linux `Mutex` waits on futexes that ThreadSanitizer cannot see, so every
/// value it guards shows up as a data race under `swift test --sanitize=thread`, and real races
/// would hide among them. ThreadSanitizer understands pthread mutexes.
///
/// ```swift
/// let counts = Locked([String: Int]())
/// counts.withLock { $0["GET", default: 0] += 1 }
/// ```
public final class Locked<Value: Sendable>: @unchecked Sendable {
    // Unchecked because the compiler cannot see a pthread mutex: the value is read and written
    // only under the mutex, and `Value` is `Sendable`, so what `withLock` hands out may leave
    // the lock.
    private let guarded: GuardedValue<Value>

    public init(_ value: Value) {
        guarded = GuardedValue(value)
    }

    deinit {
        guarded.destroy()
    }

    /// Runs `body` with the value, holding the lock; keep `body` short and never block in it.
    @inline(__always)
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try guarded.withLock(body)
    }
}
