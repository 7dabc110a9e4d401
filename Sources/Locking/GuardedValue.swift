#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value behind a pthread mutex, each in memory of its own: what ``Locked`` and
/// ``ConditionLocked`` rest on. The value lives apart from its owner's stored properties, so
/// ThreadSanitizer checks the value itself and not the object's fields (a value of no size would
/// share an address with them). Its owner calls ``destroy()`` once, in its `deinit`.
struct GuardedValue<Value> {
    let mutex: UnsafeMutablePointer<pthread_mutex_t>
    let storage: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        storage = .allocate(capacity: 1)
        storage.initialize(to: value)
    }

    func destroy() {
        storage.deinitialize(count: 1)
        storage.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    @inline(__always)
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&storage.pointee)
    }
}
