/// The bookkeeping of group commit, without the I/O: writers append items and ask to be told
/// when theirs is durable; one flusher at a time takes every item appended so far, makes them
/// durable with one flush, and tells everyone it covered.
///
/// Items are numbered from 1 in the order they were appended. Nobody sleeps in here: a waiter
/// leaves a callback (``wait(for:_:)``). The flusher takes batches with ``nextBatch()`` until none
/// is left, and reports each with ``flushed(_:)`` or ``failed(_:)``, which return the callbacks
/// to call. Whether a flusher is at work, and when to start one, is the owner's to track.
///
/// A failed flush is final: nobody knows what of it reached the disk, so every waiter and
/// every later append gets the error, as PostgreSQL stops when its WAL cannot be flushed.
///
/// Not thread-safe on its own: its owner keeps it behind a lock, and does the I/O and calls
/// the callbacks outside it.
struct GroupCommit<Item: Sendable>: Sendable {
    /// What one flush covers: the items appended since the last flush, in order.
    struct Batch: Sendable {
        var items: [Item]
        /// The number of the last item in `items`.
        var last: UInt64
    }

    /// Told once whether an item is durable: nil, or the error of the flush that failed.
    typealias Callback = @Sendable ((any Error)?) -> Void

    /// A callback kept until a flush covers item `sequence`; called as the callback is.
    ///
    /// A struct, not a tuple: a closure kept in a tuple in an array, and taken out into an array
    /// of closures, was wrapped in a new thunk on the heap each way, two allocations a write.
    struct Waiter: Sendable {
        let sequence: UInt64
        let callback: Callback

        func callAsFunction(_ error: (any Error)?) {
            callback(error)
        }
    }

    /// What became of a wait.
    enum Wait: Sendable {
        /// The item is durable already: nothing was kept.
        case durable
        /// A flush failed: the item may never be durable; nothing was kept.
        case failed(any Error)
        /// The callback is kept until a flush covers the item.
        case waiting
    }

    /// The number of the last item appended.
    private(set) var appended: UInt64 = 0
    /// Every item up to this number is durable.
    private(set) var durable: UInt64 = 0
    /// Flushes done.
    private(set) var flushes = 0
    /// The error of the flush that failed, if one did.
    private(set) var failure: (any Error)?
    /// Items appended and not yet flushed, oldest first: a flush in flight is a prefix of them.
    private(set) var unflushed: [Item] = []
    /// How many of `unflushed`, from the first, the flush in flight took.
    private var inFlight = 0
    private var waiters: [Waiter] = []

    /// Appends an item and returns its number, to wait for; throws once a flush has failed.
    mutating func append(_ item: Item) throws -> UInt64 {
        if let failure { throw failure }
        unflushed.append(item)
        appended += 1
        return appended
    }

    /// Changes item `sequence` while no flush has taken it yet; nothing once one has (or when it
    /// is not an item appended).
    mutating func update(_ sequence: UInt64, _ change: (inout Item) -> Void) {
        guard sequence > durable else { return }
        let index = Int(sequence - durable - 1)
        guard index >= inFlight, index < unflushed.count else { return }
        change(&unflushed[index])
    }

    /// Keeps `callback` until item `sequence` is durable, or says it is already (or never
    /// will be), and then keeps nothing.
    mutating func wait(for sequence: UInt64, _ callback: @escaping Callback) -> Wait {
        if durable >= sequence { return .durable }
        if let failure { return .failed(failure) }
        waiters.append(Waiter(sequence: sequence, callback: callback))
        return .waiting
    }

    /// The flusher's next batch: every item appended and not yet flushed. Nil when there is
    /// none (or a flush failed).
    mutating func nextBatch() -> Batch? {
        guard failure == nil, !unflushed.isEmpty else { return nil }
        inFlight = unflushed.count
        return Batch(items: unflushed, last: appended)
    }

    /// The batch is durable: returns the waiters of the items it covered, to call with nil.
    mutating func flushed(_ batch: Batch) -> [Waiter] {
        unflushed.removeFirst(batch.items.count)
        inFlight = 0
        durable = batch.last
        flushes += 1
        let durable = durable
        return take { $0 <= durable }
    }

    /// The flush failed: returns every waiter, to call with the error; later waits and
    /// appends get it too.
    mutating func failed(_ error: any Error) -> [Waiter] {
        failure = error
        return take { _ in true }
    }

    private mutating func take(where covered: (UInt64) -> Bool) -> [Waiter] {
        var taken: [Waiter] = []
        taken.reserveCapacity(waiters.count)
        waiters.removeAll { waiter in
            guard covered(waiter.sequence) else { return false }
            taken.append(waiter)
            return true
        }
        return taken
    }
}
