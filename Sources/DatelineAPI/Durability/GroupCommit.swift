import Dispatch

/// The bookkeeping of group commit, without the I/O: writers append items and wait; one of
/// them at a time, the leader, takes every item appended so far, makes them durable with one
/// flush, and so finishes the wait of everyone it covered.
///
/// Items are numbered from 1 in the order they were appended. A waiter asks ``step(for:wake:)``
/// what to do: it is done, it failed, it leads the next flush, or it sleeps until its semaphore
/// is signalled and then asks again. The leader reports back with ``flushed(_:)`` or
/// ``failed(_:)`` and hands over with ``release()``; each returns the sleepers to wake.
///
/// A failed flush is final: nobody knows what of it reached the disk, so every waiter and
/// every later append gets the error, as PostgreSQL stops when its WAL cannot be flushed.
///
/// Not thread-safe on its own: its owner keeps it behind a lock and does the I/O outside it.
struct GroupCommit<Item: Sendable>: Sendable {
    /// What one flush covers: the items appended since the last flush, in order.
    struct Batch: Sendable {
        var items: [Item]
        /// The number of the last item in `items` (or of the last item flushed before, when empty).
        var last: UInt64
    }

    /// What a waiter does next.
    enum Step: Sendable {
        /// Its item is durable.
        case durable
        /// A flush failed: its item may never be durable.
        case failed(any Error)
        /// It leads: it flushes the batch, reports with `flushed` or `failed`, then calls `release`.
        case lead(Batch)
        /// Another writer leads: it sleeps until its semaphore is signalled, then asks again.
        case sleep
    }

    /// The number of the last item appended.
    private(set) var appended: UInt64 = 0
    /// Every item up to this number is durable.
    private(set) var durable: UInt64 = 0
    /// Flushes done (empty batches not counted).
    private(set) var flushes = 0
    /// The error of the flush that failed, if one did.
    private(set) var failure: (any Error)?
    /// Items appended and not yet flushed, oldest first: the leader's batch is a prefix of them.
    private(set) var unflushed: [Item] = []
    private var leading = false
    private var sleepers: [(sequence: UInt64, wake: DispatchSemaphore)] = []

    /// Appends an item and returns its number, to wait for; throws once a flush has failed.
    mutating func append(_ item: Item) throws -> UInt64 {
        if let failure { throw failure }
        unflushed.append(item)
        appended += 1
        return appended
    }

    /// What a writer waiting for item `sequence` does next; `wake` is its semaphore, kept when
    /// it has to sleep. Waiting for `UInt64.max` asks for the lead itself (to compact).
    mutating func step(for sequence: UInt64, wake: DispatchSemaphore) -> Step {
        if durable >= sequence { return .durable }
        if let failure { return .failed(failure) }
        guard !leading else {
            sleepers.append((sequence, wake))
            return .sleep
        }
        leading = true
        return .lead(Batch(items: unflushed, last: appended))
    }

    /// The leader's batch is durable: its items are done; returns the sleepers it covered.
    mutating func flushed(_ batch: Batch) -> [DispatchSemaphore] {
        precondition(leading, "only the leader reports a flush")
        unflushed.removeFirst(batch.items.count)
        durable = batch.last
        if !batch.items.isEmpty { flushes += 1 }
        let durable = durable
        return wake { $0 <= durable }
    }

    /// The leader's flush failed: every sleeper is woken to fail, and so is every later waiter.
    mutating func failed(_ error: any Error) -> [DispatchSemaphore] {
        precondition(leading, "only the leader reports a flush")
        failure = error
        leading = false
        return wake { _ in true }
    }

    /// The leader is done: the first sleeper left, if any, is woken to lead the next flush.
    mutating func release() -> DispatchSemaphore? {
        guard leading else { return nil }
        leading = false
        return sleepers.isEmpty ? nil : sleepers.removeFirst().wake
    }

    private mutating func wake(where covered: (UInt64) -> Bool) -> [DispatchSemaphore] {
        var woken: [DispatchSemaphore] = []
        sleepers.removeAll { sleeper in
            guard covered(sleeper.sequence) else { return false }
            woken.append(sleeper.wake)
            return true
        }
        return woken
    }
}
