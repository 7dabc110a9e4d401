import HTTPServer

/// The gate of a response that reports a write: it opens once the write is durable and readers
/// see it, and fails when its flush fails.
struct DurableWrite: ResponseGate {
    let persistence: Persistence
    let pending: Persistence.PendingWrite
    /// The write's journal line, made by its writer.
    var line: [UInt8]? = nil

    func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void) {
        persistence.whenDurable(pending, line: line, opened)
    }
}
