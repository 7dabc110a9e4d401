import Dispatch
import Locking
public import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 server on POSIX sockets: non-blocking sockets, one I/O loop per CPU (epoll, or
/// Dispatch sources: see `IOEngine`) that reads, answers and writes each connection it owns, deadlines for every timeout, and a
/// graceful shutdown. Accepting runs on a Dispatch queue and hands connections to the loops in
/// turn.
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
    private let state = Locked(State())

    private struct State {
        var listeners: [Listener] = []
        var connections: [ObjectIdentifier: HTTPConnection] = [:]
        /// The event loops, and the one the next connection goes to.
        var loops: [any IOLoop] = []
        var nextLoop = 0
        var stopping = false
        var stopWaiters: [@Sendable () -> Void] = []
        /// The TLS context new HTTPS connections start from; replaced on reload.
        var tlsContext: TLSContext?
    }

    /// The listening socket and its accept source; both are touched only on `acceptQueue`
    /// once created.
    private final class Listener: @unchecked Sendable {
        let descriptor: Int32
        let address: SocketAddress
        let secure: Bool
        let source: any DispatchSourceRead
        var suspended = false

        init(descriptor: Int32, address: SocketAddress, secure: Bool, queue: DispatchQueue) {
            self.descriptor = descriptor
            self.address = address
            self.secure = secure
            self.source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        }
    }

    public init(
        configuration: HTTPServerConfiguration, responder: any Responder, logger: Logger,
        observer: (any HTTPServerObserver)? = nil
    ) {
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.observer = observer
    }

    /// Binds, listens and starts accepting: plain HTTP on `port`, and HTTPS on `tls.port` when
    /// TLS is configured (only HTTPS when `tls.only`). Returns the first address bound (with the
    /// real port when the configuration asked for port 0). A certificate or key that does not
    /// load throws a `TLSError` before anything listens.
    @discardableResult
    public func start() throws -> SocketAddress {
        signal(SIGPIPE, SIG_IGN)
        let limit = Socket.raiseDescriptorLimit()
        let tlsContext = try configuration.tls.map { try TLSContext(configuration: $0) }
        var listeners: [Listener] = []
        let loops = try configuration.ioEngine.makeLoops(count: loopCount)
        do {
            if configuration.tls?.only != true {
                listeners.append(try listen(port: configuration.port, secure: false))
            }
            if let tls = configuration.tls {
                listeners.append(try listen(port: tls.port, secure: true))
            }
        } catch {
            listeners.forEach { Posix.close($0.descriptor) }
            throw error
        }
        loops.forEach { $0.start() }
        state.withLock {
            $0.listeners = listeners
            $0.tlsContext = tlsContext
            $0.loops = loops
        }
        for listener in listeners {
            listener.source.setEventHandler { [self] in acceptConnections(listener) }
            listener.source.setCancelHandler { Posix.close(listener.descriptor) }
            listener.source.activate()
            logger.info(
                "listening",
                metadata: [
                    "address": "\(listener.address)", "scheme": .string(listener.secure ? "https" : "http"),
                    "descriptor_limit": .stringConvertible(limit),
                ])
        }
        return listeners[0].address
    }

    /// The configured number of event loops, or one per online CPU.
    private var loopCount: Int {
        configuration.eventLoops > 0 ? configuration.eventLoops : Posix.onlineCPUs
    }

    private func listen(port: Int, secure: Bool) throws -> Listener {
        let (descriptor, address) = try Socket.listen(host: configuration.host, port: port, backlog: configuration.backlog)
        return Listener(descriptor: descriptor, address: address, secure: secure, queue: acceptQueue)
    }

    /// Loads the certificate and key again (on SIGHUP): new HTTPS connections use them, open
    /// ones keep theirs. On failure the old ones stay in use and the error is thrown.
    public func reloadTLS() throws {
        guard let current = state.withLock({ $0.tlsContext }) else { return }
        let next = try current.reloaded()
        state.withLock { $0.tlsContext = next }
        logger.info("TLS certificate reloaded", metadata: ["certificate": .string(next.configuration.certificatePath)])
    }

    /// The addresses the server listens on; empty before `start()` or after shutdown began.
    public var addresses: [SocketAddress] {
        state.withLock { $0.listeners.map(\.address) }
    }

    /// The plain-HTTP address (the HTTPS one when only HTTPS is served).
    public var address: SocketAddress? {
        addresses.first
    }

    /// The HTTPS address, when TLS is on.
    public var secureAddress: SocketAddress? {
        state.withLock { $0.listeners.first(where: \.secure)?.address }
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
                admit(descriptor, peer: peer, secure: listener.secure)
            }
        }
    }

    /// What plain connections answer with: the responder, or a redirect to HTTPS.
    private var plainResponder: any Responder {
        if let tls = configuration.tls, tls.redirectHTTP { return HTTPSRedirect(port: secureAddress?.port ?? tls.port) }
        return responder
    }

    /// What HTTPS connections answer with: the responder, plus HSTS when configured.
    private var secureResponder: any Responder {
        guard let value = configuration.tls?.strictTransportSecurity else { return responder }
        return StrictTransportSecurity(value: value, next: responder)
    }

    private func makeContext(secure: Bool) -> ConnectionContext {
        ConnectionContext(
            configuration: configuration, responder: secure ? secureResponder : plainResponder, observer: observer,
            logger: logger, dateHeader: dateHeader, shutdown: shutdownFlag,
            closed: { [self] connection in
                let (wasAdmitted, open) = state.withLock { state in
                    (state.connections.removeValue(forKey: ObjectIdentifier(connection)) != nil, state.connections.count)
                }
                if wasAdmitted { observer?.connectionClosed(open: open) }
                if open == 0 { notifyStoppedIfDone() }
            })
    }

    private func admit(_ descriptor: Int32, peer: SocketAddress?, secure: Bool) {
        var session: TLSSession?
        if secure {
            guard let context = state.withLock({ $0.tlsContext }), let made = try? TLSSession(context: context, descriptor: descriptor)
            else {
                logger.warning("could not start a TLS session", metadata: ["client": "\(peer?.description ?? "unknown")"])
                Posix.close(descriptor)
                return
            }
            session = made
        }
        let loop = state.withLock { state -> (any IOLoop)? in
            guard !state.loops.isEmpty else { return nil }
            defer { state.nextLoop = (state.nextLoop + 1) % state.loops.count }
            return state.loops[state.nextLoop]
        }
        guard let loop else {
            // Accepted just as a shutdown with no connection left ended the loops.
            Posix.close(descriptor)
            return
        }
        let connection = HTTPConnection(
            descriptor: descriptor, remoteAddress: peer?.description ?? "unknown",
            context: makeContext(secure: secure), loop: loop, tls: session)
        let open = state.withLock { state -> Int? in
            guard !state.stopping, state.connections.count < configuration.maxConnections else { return nil }
            state.connections[ObjectIdentifier(connection)] = connection
            return state.connections.count
        }
        guard let open else {
            connection.start()
            connection.refuse(
                HTTPError(
                    .serviceUnavailable, detail: "The server is at its connection limit or shutting down.",
                    headerFields: [.retryAfter: "1"], closeConnection: true))
            return
        }
        observer?.connectionOpened(open: open)
        connection.start()
    }

    /// Stops accepting, lets in-flight responses finish with `Connection: close`, closes idle
    /// connections, and force-closes what is left at the configured deadline. `completion`
    /// runs once every connection is closed.
    public func shutdown(completion: @escaping @Sendable () -> Void = {}) {
        let (listeners, connections, alreadyStopping) = state.withLock { state in
            defer {
                state.stopping = true
                state.stopWaiters.append(completion)
            }
            let listeners = state.listeners
            state.listeners = []
            return (listeners, Array(state.connections.values), state.stopping)
        }
        guard !alreadyStopping else {
            notifyStoppedIfDone()
            return
        }
        shutdownFlag.raise()
        logger.info("shutting down", metadata: ["open_connections": .stringConvertible(connections.count)])
        for listener in listeners {
            acceptQueue.async {
                if listener.suspended {
                    listener.suspended = false
                    listener.source.resume()
                }
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

    /// Once stopping and the last connection is closed: ends the event loops and tells whoever
    /// waits for the shutdown.
    private func notifyStoppedIfDone() {
        let (waiters, loops) = state.withLock { state -> ([@Sendable () -> Void], [any IOLoop]) in
            guard state.stopping, state.connections.isEmpty else { return ([], []) }
            defer {
                state.stopWaiters = []
                state.loops = []
            }
            return (state.stopWaiters, state.loops)
        }
        loops.forEach { $0.stop() }
        waiters.forEach { $0() }
    }
}
