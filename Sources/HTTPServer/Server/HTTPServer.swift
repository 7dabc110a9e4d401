public import Dispatch
public import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on POSIX sockets and Dispatch: non-blocking sockets, one serial queue per
/// connection, timers for every timeout, and a graceful shutdown.
///
/// ```swift
/// let server = HTTPServer(configuration: configuration, responder: router, logger: logger)
/// let address = try server.start()
/// // later, on SIGTERM:
/// server.shutdown { exit(0) }
/// ```
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    private let responder: any Responder
    private let observer: (any HTTPServerObserver)?
    private let logger: Logger
    private let acceptQueue = DispatchQueue(label: "dateline.accept")
    private let dateHeader = DateHeader()
    private let shutdownFlag = ShutdownFlag()
    private let state = Mutex(State())

    private struct State {
        var listener: Listener?
        var connections: [ObjectIdentifier: HTTPConnection] = [:]
        var stopping = false
        var stopWaiters: [@Sendable () -> Void] = []
    }

    /// The listening socket and its accept source; both are touched only on `acceptQueue`
    /// once created.
    private final class Listener: @unchecked Sendable {
        let descriptor: Int32
        let address: SocketAddress
        let source: any DispatchSourceRead
        var suspended = false

        init(descriptor: Int32, address: SocketAddress, queue: DispatchQueue) {
            self.descriptor = descriptor
            self.address = address
            self.source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        }
    }

    public init(configuration: HTTPServerConfiguration, responder: any Responder, logger: Logger,
                observer: (any HTTPServerObserver)? = nil) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.observer = observer
    }

    /// Binds, listens and starts accepting. Returns the address bound (with the real port when
    /// the configuration asked for port 0).
    @discardableResult
    public func start() throws -> SocketAddress {
        signal(SIGPIPE, SIG_IGN)
        let limit = Socket.raiseDescriptorLimit()
        let (descriptor, address) = try Socket.listen(host: configuration.host, port: configuration.port,
                                                      backlog: configuration.backlog)
        let listener = Listener(descriptor: descriptor, address: address, queue: acceptQueue)
        listener.source.setEventHandler { [self] in acceptConnections(listener) }
        listener.source.setCancelHandler { Glibc.close(descriptor) }
        state.withLock { $0.listener = listener }
        listener.source.activate()
        logger.info("listening", metadata: ["address": "\(address)", "descriptor_limit": .stringConvertible(limit)])
        return address
    }

    /// The address the server listens on; nil before `start()` or after shutdown began.
    public var address: SocketAddress? {
        state.withLock { $0.listener?.address }
    }

    /// The number of connections open now.
    public var openConnections: Int {
        state.withLock { $0.connections.count }
    }

    /// Accepts until the backlog is empty (called on `acceptQueue`).
    private func acceptConnections(_ listener: Listener) {
        while true {
            switch Socket.accept(listener.descriptor) {
            case .wouldBlock:
                return
            case .failed(let code) where code == EMFILE || code == ENFILE || code == ENOBUFS || code == ENOMEM:
                // Out of descriptors: pause accepting briefly instead of spinning or dying.
                logger.warning("accept is out of resources; backing off", metadata: ["errno": "\(code)"])
                listener.suspended = true
                listener.source.suspend()
                acceptQueue.asyncAfter(deadline: .now() + .milliseconds(100)) {
                    if listener.suspended {
                        listener.suspended = false
                        listener.source.resume()
                    }
                }
                return
            case .failed(let code):
                logger.warning("accept failed", metadata: ["errno": "\(code)"])
                return
            case .connection(let descriptor, let peer):
                admit(descriptor, peer: peer)
            }
        }
    }

    private func admit(_ descriptor: Int32, peer: SocketAddress?) {
        let context = ConnectionContext(
            configuration: configuration, responder: responder, observer: observer, logger: logger,
            dateHeader: dateHeader, targetQueue: .global(), shutdown: shutdownFlag,
            closed: { [self] connection in
                let (wasAdmitted, open) = state.withLock { state in
                    (state.connections.removeValue(forKey: ObjectIdentifier(connection)) != nil, state.connections.count)
                }
                if wasAdmitted { observer?.connectionClosed(open: open) }
                if open == 0 { notifyStoppedIfDone() }
            })
        let connection = HTTPConnection(descriptor: descriptor, remoteAddress: peer?.description ?? "unknown", context: context)
        let open = state.withLock { state -> Int? in
            guard !state.stopping, state.connections.count < configuration.maxConnections else { return nil }
            state.connections[ObjectIdentifier(connection)] = connection
            return state.connections.count
        }
        connection.start()
        guard let open else {
            connection.refuse(HTTPError(.serviceUnavailable, detail: "The server is at its connection limit or shutting down.",
                                        headerFields: [.retryAfter: "1"], closeConnection: true))
            return
        }
        observer?.connectionOpened(open: open)
    }

    /// Stops accepting, lets in-flight responses finish with `Connection: close`, closes idle
    /// connections, and force-closes what is left at the configured deadline. `completion`
    /// runs once every connection is closed.
    public func shutdown(completion: @escaping @Sendable () -> Void = {}) {
        let (listener, connections, alreadyStopping) = state.withLock { state in
            defer { state.stopping = true; state.stopWaiters.append(completion) }
            let listener = state.listener
            state.listener = nil
            return (listener, Array(state.connections.values), state.stopping)
        }
        guard !alreadyStopping else { notifyStoppedIfDone(); return }
        shutdownFlag.raise()
        logger.info("shutting down", metadata: ["open_connections": .stringConvertible(connections.count)])
        if let listener {
            acceptQueue.async {
                if listener.suspended { listener.suspended = false; listener.source.resume() }
                listener.source.cancel()
            }
        }
        connections.forEach { $0.beginShutdown() }
        acceptQueue.asyncAfter(deadline: .now() + configuration.timeouts.shutdownDeadline) { [self] in
            let left = state.withLock { Array($0.connections.values) }
            if !left.isEmpty {
                logger.warning("shutdown deadline passed; closing connections", metadata: ["count": "\(left.count)"])
                left.forEach { $0.forceClose() }
            }
        }
        notifyStoppedIfDone()
    }

    /// Shuts down and waits until every connection is closed.
    public func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            shutdown { continuation.resume() }
        }
    }

    private func notifyStoppedIfDone() {
        let waiters = state.withLock { state -> [@Sendable () -> Void] in
            guard state.stopping, state.connections.isEmpty else { return [] }
            defer { state.stopWaiters = [] }
            return state.stopWaiters
        }
        waiters.forEach { $0() }
    }
}
