import Locking

/// The writer a streamed response's producer holds. It hops every call onto the connection's
/// event loop, so producers may write from any thread; order is kept per producer thread.
final class ConnectionStreamWriter: ResponseBodyWriter {
    private let connection: HTTPConnection
    private let state = Locked<State>(State())

    private struct State {
        var closed = false
        var closeHandlers: [@Sendable () -> Void] = []
    }

    init(connection: HTTPConnection) {
        self.connection = connection
    }

    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        guard !state.withLock({ $0.closed }) else { return false }
        connection.loop.execute { [connection] in connection.streamWrite(bytes, from: self) }
        return true
    }

    func finish() {
        connection.loop.execute { [connection] in connection.streamFinish(from: self) }
    }

    func onClose(_ handler: @escaping @Sendable () -> Void) {
        let alreadyClosed = state.withLock { state in
            if !state.closed { state.closeHandlers.append(handler) }
            return state.closed
        }
        if alreadyClosed { handler() }
    }

    /// Marks the stream closed and runs the close handlers once, outside the lock.
    func close() {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard !state.closed else { return [] }
            state.closed = true
            defer { state.closeHandlers = [] }
            return state.closeHandlers
        }
        handlers.forEach { $0() }
    }
}
