#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    // Unchecked because the compiler cannot see a pthread mutex: `storage` is read and written
    // only between lock and unlock of `mutex`, and `Value` is `Sendable`, so what `withLock`
    // hands out may leave the lock. The value lives in memory of its own rather than in a
    // stored property, so ThreadSanitizer checks the value itself and not the object's fields
    // (a value of no size would share an address with them).
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let storage: UnsafeMutablePointer<Value>

    public init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        storage = .allocate(capacity: 1)
        storage.initialize(to: value)
    }

    deinit {
        storage.deinitialize(count: 1)
        storage.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the value, holding the lock; keep `body` short and never block in it.
    @inline(__always)
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&storage.pointee)
    }
}
