import Logging

/// What every connection of a server shares.
struct ConnectionContext: Sendable {
    let configuration: HTTPServerConfiguration
    let responder: any Responder
    let observer: (any HTTPServerObserver)?
    let logger: Logger
    let dateHeader: DateHeader
    /// Set once graceful shutdown begins; read by responses in flight on any queue.
    let shutdown: ShutdownFlag
    let closed: @Sendable (HTTPConnection) -> Void
}
