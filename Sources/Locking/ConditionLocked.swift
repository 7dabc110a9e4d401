#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a lock with a condition variable, for threads that wait for the value to
/// change (a feed falling due, a host coming free). pthread primitives, as ``Locked``'s, so
/// ThreadSanitizer sees the synchronisation.
public final class ConditionLocked<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the value is touched only under the mutex, as in `Locked`.
    private let guarded: GuardedValue<Value>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// What a waiting body decides: finish with a result, or wait (until a wall-clock deadline,
    /// in seconds since 1970, or until another thread changes the value) and look again.
    public enum Step<Result> {
        case done(Result)
        case wait(untilSecondsSince1970: Double?)
    }

    public init(_ value: Value) {
        guarded = GuardedValue(value)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
        guarded.destroy()
    }

    /// Reads or changes the value without waking anyone.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try guarded.withLock(body)
    }

    /// Changes the value and wakes every waiter to look at it again.
    public func update<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        try guarded.withLock { value in
            defer { pthread_cond_broadcast(condition) }
            return try body(&value)
        }
    }

    /// Wakes every waiter to look at the value again, without taking the lock: after a change
    /// made with ``withLock(_:)`` that turned out to be one a waiter waits for, so that the
    /// changes nobody waits for wake no one.
    public func wakeWaiters() {
        pthread_cond_broadcast(condition)
    }

    /// Runs `body` under the lock until it is done, waiting between runs as it asks.
    public func wait<Result>(_ body: (inout Value) -> Step<Result>) -> Result {
        guarded.withLock { value in
            while true {
                switch body(&value) {
                case .done(let result):
                    return result
                case .wait(untilSecondsSince1970: nil):
                    pthread_cond_wait(condition, guarded.mutex)
                case .wait(untilSecondsSince1970: let deadline?):
                    let seconds = max(0, deadline)
                    var time = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
                    _ = pthread_cond_timedwait(condition, guarded.mutex, &time)
                }
            }
        }
    }
}
