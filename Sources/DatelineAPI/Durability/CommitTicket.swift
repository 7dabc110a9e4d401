import Synchronization

/// One item of a group commit (``GroupCommit``), from the writer's side: the journal line its
/// writer makes of it for the flusher, and the callbacks waiting until it is durable.
///
/// The writer and the flusher reach it under a lock of its own, not under the lock that puts
/// writes in order: a writer that has staged its write leaves its line and its callback without
/// queueing again behind the writers staging theirs.
final class CommitTicket: Sendable {
    /// Told once whether the item is durable: nil, or the error of the flush that failed.
    typealias Callback = @Sendable ((any Error)?) -> Void

    private enum Outcome {
        case pending
        case durable
        case failed(any Error)
    }

    private struct State {
        var line: [UInt8]?
        /// Whether the flusher has come for the line: one left later is not kept.
        var lineTaken = false
        var outcome = Outcome.pending
        var callbacks: [Callback] = []
    }

    private let state = Mutex(State())

    init() {}

    /// Leaves the item's journal line, which spares the flusher making it, unless the flusher
    /// has taken the item already.
    func leave(line: [UInt8]) {
        state.withLock { state in
            if !state.lineTaken { state.line = line }
        }
    }

    /// The line the writer left, if any; after this, none is kept. For the flusher.
    func takeLine() -> [UInt8]? {
        state.withLock { state in
            state.lineTaken = true
            defer { state.line = nil }
            return state.line
        }
    }

    /// Calls `callback` once the item is durable (with nil) or its flush failed (with the
    /// error): at once when that is known already, else on the flusher's thread.
    func whenSettled(_ callback: @escaping Callback) {
        let outcome = state.withLock { state in
            if case .pending = state.outcome { state.callbacks.append(callback) }
            return state.outcome
        }
        switch outcome {
        case .pending: break
        case .durable: callback(nil)
        case .failed(let error): callback(error)
        }
    }

    /// Settles the item, durable (nil) or failed, and tells everyone waiting. For the flusher, once.
    func settle(_ error: (any Error)?) {
        let callbacks = state.withLock { state in
            state.outcome = error.map { .failed($0) } ?? .durable
            state.line = nil
            defer { state.callbacks = [] }
            return state.callbacks
        }
        for callback in callbacks { callback(error) }
    }
}
