import Locking

/// Whether the store has loaded (the seed, and later the journal): `/readyz` answers 503 until then.
public final class Readiness: Sendable {
    private let state = Locked<State>(.loading)

    public enum State: Sendable, Equatable {
        case loading
        case ready
        case failed(String)
    }

    public init() {}

    public var current: State { state.withLock { $0 } }

    public func set(_ new: State) { state.withLock { $0 = new } }

    private let problemNote = Locked<String?>(nil)

    /// What is wrong while the store is served but not whole: the database behind it cannot be
    /// reached. `/readyz` says it; nil when nothing is.
    public var problem: String? { problemNote.withLock { $0 } }

    public func setProblem(_ problem: String?) { problemNote.withLock { $0 = problem } }
}
