import Synchronization

/// A flag that graceful shutdown raises once, readable from any queue.
final class ShutdownFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    var isRequested: Bool { raised.load(ordering: .acquiring) }

    func raise() { raised.store(true, ordering: .releasing) }
}
