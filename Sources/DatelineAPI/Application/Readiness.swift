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
}
