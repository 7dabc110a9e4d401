/// The bookkeeping of group commit, without the I/O: writers append items, each with a
/// ``CommitTicket`` to wait on; one flusher at a time takes every item appended so far, makes
/// them durable with one flush, and settles their tickets.
///
/// Items are numbered from 1 in the order they were appended. Nobody sleeps in here: the append
/// that finds no flusher at work is told to start one. The flusher takes batches with
/// ``nextBatch()`` until none is left, and reports each with ``flushed(_:)`` or ``failed(_:)``;
/// its caller then settles the tickets, outside the lock this is kept behind.
///
/// A failed flush is final: nobody knows what of it reached the disk, so every item not yet
/// durable and every later append gets the error, as PostgreSQL stops when its WAL cannot be
/// flushed.
///
/// Not thread-safe on its own: its owner keeps it behind a lock, and does the I/O and settles
/// the tickets outside it.
struct GroupCommit<Item: Sendable>: Sendable {
    /// What one flush covers: the items appended since the last flush, in order, and their tickets.
    struct Batch: Sendable {
        var items: [Item]
        var tickets: [CommitTicket]
        /// The number of the last item in `items`.
        var last: UInt64
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
    /// The tickets of `unflushed`, in the same order.
    private var tickets: [CommitTicket] = []
    /// Whether a flusher is at work, from the append that started it until it finds nothing left.
    private(set) var flushing = false

    /// Appends an item; returns its ticket, and whether no flusher is at work, so that the caller
    /// must start one. Throws once a flush has failed.
    mutating func append(_ item: Item) throws -> (ticket: CommitTicket, startFlusher: Bool) {
        if let failure { throw failure }
        let ticket = CommitTicket()
        unflushed.append(item)
        tickets.append(ticket)
        appended += 1
        defer { flushing = true }
        return (ticket, !flushing)
    }

    /// The ticket of the last item not yet durable, settled once everything appended so far is
    /// durable: what a write that appended nothing waits on. Nil when everything is durable.
    var lastTicket: CommitTicket? { tickets.last }

    /// The flusher's next batch: every item appended and not yet flushed. Nil when there is
    /// none (or a flush failed), and the flusher stops then.
    mutating func nextBatch() -> Batch? {
        guard failure == nil, !unflushed.isEmpty else {
            flushing = false
            return nil
        }
        flushing = true
        return Batch(items: unflushed, tickets: tickets, last: appended)
    }

    /// The batch is durable: the caller settles its tickets.
    mutating func flushed(_ batch: Batch) {
        unflushed.removeFirst(batch.items.count)
        tickets.removeFirst(batch.items.count)
        durable = batch.last
        flushes += 1
    }

    /// The flush failed: returns the ticket of every item not yet durable, to settle with the
    /// error; later appends get it too.
    mutating func failed(_ error: any Error) -> [CommitTicket] {
        failure = error
        flushing = false
        return tickets
    }
}
