import Dispatch
import Locking

/// One staged write's wait for its outcome: the leader that flushes it (or gives it up) sets
/// the outcome and signals; the writer sleeps on the semaphore until one is set, or until it
/// may lead a flush itself.
final class WriteTicket: Sendable {
    /// What became of a staged write.
    enum Outcome: Sendable {
        /// Committed, and readers see it.
        case durable
        /// Another replica committed first: the write was decided on a state that is gone, and
        /// is decided again.
        case conflict
        /// The database could not be reached or refused the commit: nothing of it was applied.
        case unavailable(DatabaseUnavailable)
    }

    private let outcome = Locked<Outcome?>(nil)
    let wake = DispatchSemaphore(value: 0)

    var current: Outcome? { outcome.withLock { $0 } }

    /// Sets the outcome and wakes the writer (once: a later outcome is ignored).
    func finish(_ result: Outcome) {
        let first = outcome.withLock { outcome in
            guard outcome == nil else { return false }
            outcome = result
            return true
        }
        if first { wake.signal() }
    }
}
