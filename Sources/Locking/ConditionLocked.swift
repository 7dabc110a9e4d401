#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a lock with a condition variable, for threads that wait for the value to
/// change (a feed falling due, a host coming free). pthread primitives, as ``Locked``'s, so
/// ThreadSanitizer sees the synchronisation. Timed waits run on the monotonic clock, so that
/// a step of the wall clock neither stretches nor cuts them.
public final class ConditionLocked<Value: Sendable>: @unchecked Sendable {
    // Unchecked: the value is touched only under the mutex, as in `Locked`.
    private let guarded: GuardedValue<Value>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// What a waiting body decides: finish with a result, or wait until another thread changes
    /// the value (or at most the given time, when there is one) and look again.
    public enum Step<Result> {
        case done(Result)
        case wait(atMost: Duration?)

        /// Wait until `deadline`, or until another thread changes the value.
        public static func wait(until deadline: ContinuousClock.Instant) -> Self {
            .wait(atMost: deadline - .now)
        }
    }

    public init(_ value: Value) {
        guarded = GuardedValue(value)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        #if canImport(Glibc)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        #else
        pthread_cond_init(condition, nil)
        #endif
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
                case .wait(atMost: nil):
                    pthread_cond_wait(condition, guarded.mutex)
                case .wait(atMost: let limit?):
                    waitOnce(atMost: max(limit, .zero))
                }
            }
        }
    }

    /// One wait on the condition, of at most `limit`; the mutex is held.
    private func waitOnce(atMost limit: Duration) {
        let (seconds, attoseconds) = limit.components
        let nanoseconds = Int(attoseconds / 1_000_000_000)
        #if canImport(Glibc)
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        time.tv_sec += Int(seconds) + (time.tv_nsec + nanoseconds) / 1_000_000_000
        time.tv_nsec = (time.tv_nsec + nanoseconds) % 1_000_000_000
        _ = pthread_cond_timedwait(condition, guarded.mutex, &time)
        #else
        var time = timespec(tv_sec: Int(seconds), tv_nsec: nanoseconds)
        _ = pthread_cond_timedwait_relative_np(condition, guarded.mutex, &time)
        #endif
    }
}
