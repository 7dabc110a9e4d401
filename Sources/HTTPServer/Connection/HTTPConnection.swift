import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection: the socket (or TLS) side of a `ConnectionStateMachine`. It reads
/// and writes, turns what happens into the machine's events, and carries out the actions the
/// machine answers with.
///
/// All mutable state below is owned by `loop` (its thread or serial queue): the loop calls the
/// connection there (as its `IOLoopClient`), and outside callers hop onto it with
/// `loop.execute`. That is why the class is `@unchecked Sendable`.
final class HTTPConnection: IOLoopClient, @unchecked Sendable {
    let descriptor: Int32
    let loop: any IOLoop
    let remoteAddress: String
    let context: ConnectionContext
    /// The TLS session on an HTTPS connection; nil on plain HTTP.
    let tls: TLSSession?

    var machine: ConnectionStateMachine
    /// The writer of the stream in progress, handed to its producer.
    var stream: ConnectionStreamWriter?
    /// The readiness the loop was last told to report.
    private var watched = ConnectionStateMachine.Interest()
    /// Actions still to carry out, innermost last: performing one may bring more, which run
    /// before the rest of the list that brought them.
    private var pending: [IndexingIterator<[ConnectionStateMachine.Action]>] = []
    private var performing = false

    init(descriptor: Int32, remoteAddress: String, context: ConnectionContext, loop: any IOLoop, tls: TLSSession? = nil) {
        self.descriptor = descriptor
        self.remoteAddress = remoteAddress
        self.context = context
        self.loop = loop
        self.tls = tls
        self.machine = ConnectionStateMachine(configuration: context.configuration, secure: tls != nil, now: .now())
    }

    /// Starts reading. Called once, from any thread.
    func start() {
        loop.execute { [self] in
            loop.register(self, descriptor: descriptor)
            perform([])
        }
    }

    /// Begins graceful shutdown: idle connections close now, busy ones after their response.
    func beginShutdown() {
        loop.execute { [self] in
            if let stream { end(stream) }  // Ends an open stream with its last chunk.
            perform(machine.shutdownRequested())
        }
    }

    /// Answers one error and closes, without reading a request: for connections over the cap.
    func refuse(_ error: HTTPError) {
        loop.execute { [self] in perform(machine.refuse(error)) }
    }

    /// Closes at once, whatever is pending. From any thread.
    func forceClose() {
        loop.execute { [self] in perform(machine.close()) }
    }

    // MARK: Readiness, from the loop

    /// Reads what the socket (or TLS) has, and hands it to the machine. From the loop, and from
    /// the connection itself when bytes may wait where no readiness shows them.
    func readable() {
        if machine.isHandshaking { return advanceHandshake() }
        let actions: [ConnectionStateMachine.Action] = withUnsafeTemporaryAllocation(byteCount: 32 * 1024, alignment: 16) { buffer in
            let count = receive(into: buffer)
            if count > 0 { return machine.received(UnsafeRawBufferPointer(rebasing: buffer[0..<count]), now: .now()) }
            if count == 0 { return machine.peerClosed() }
            if errno == EAGAIN || errno == EWOULDBLOCK { return [] }
            return machine.close()  // ECONNRESET and the like: the client is gone.
        }
        perform(actions)
        if let tls, tls.hasBufferedInput, case .open = machine.state, machine.interest.reading {
            // Decrypted bytes wait inside OpenSSL, where no readiness shows them.
            loop.later { [self] in if case .open = machine.state, machine.interest.reading { readable() } }
        }
    }

    func writable() {
        if machine.isHandshaking { return advanceHandshake() }
        perform([.flush])
        // A TLS read may have waited for writability (a post-handshake message).
        if tls != nil, machine.output.isEmpty, case .open = machine.state, machine.interest.reading { readable() }
    }

    /// An error or a hang-up in both directions: nothing more can reach the client.
    func hungUp() {
        perform(machine.close())
    }

    func checkDeadline(now: DispatchTime) -> DispatchTime {
        perform(machine.deadlinePassed(now: now))
        return machine.isClosed ? .distantFuture : machine.deadline
    }

    // MARK: Streams, on the loop

    /// Bytes from a stream's producer.
    func streamWrite(_ bytes: [UInt8], from writer: ConnectionStreamWriter) {
        guard stream === writer else { return }
        perform(machine.streamed(bytes, now: .now()))
    }

    /// The end of a stream.
    func streamFinish(from writer: ConnectionStreamWriter) {
        guard stream === writer else { return }
        end(writer)
    }

    private func end(_ writer: ConnectionStreamWriter) {
        stream = nil
        writer.close()
        perform(machine.streamEnded(shuttingDown: context.shutdown.isRequested, now: .now()))
    }

    // MARK: Actions

    /// Carries out `actions` and what they lead to, depth first, without recursion (a read may
    /// hold many pipelined requests); then tells the loop the readiness and deadline wanted.
    func perform(_ actions: [ConnectionStateMachine.Action]) {
        if !actions.isEmpty { pending.append(actions.makeIterator()) }
        guard !performing else { return }  // The outer call drains what was just added, first.
        performing = true
        while !pending.isEmpty {
            guard let action = pending[pending.count - 1].next() else {
                pending.removeLast()
                continue
            }
            let more = carryOut(action)
            if !more.isEmpty { pending.append(more.makeIterator()) }
        }
        performing = false
        guard !machine.isClosed else { return }
        if machine.interest != watched {
            watched = machine.interest
            loop.watch(descriptor, reading: watched.reading, writing: watched.writing)
        }
        loop.sweepBy(machine.deadline)
    }

    private func carryOut(_ action: ConnectionStateMachine.Action) -> [ConnectionStateMachine.Action] {
        switch action {
        case .respond(let request, let offLoop):
            return answer(request, offLoop: offLoop)
        case .reject(let error):
            return answer(failure: error)
        case .flush:
            return flush()
        case .startStream(let producer):
            let writer = ConnectionStreamWriter(connection: self)
            if machine.isClosed {
                writer.close()  // The client left while the head was written: the producer sees a closed writer.
            } else {
                stream = writer
            }
            producer.start(writer)
            return []
        case .processLater:
            loop.later { [self] in perform(machine.resume(now: .now())) }
            return []
        case .lingerDeadline:
            machine.limitToLinger(now: .now())
            return []
        case .shutdownWrite:
            tls?.shutdown()
            shutdown(descriptor, Int32(SHUT_WR))
            return []
        case .close(let closing):
            close(closing)
            return []
        }
    }

    private func close(_ closing: ConnectionStateMachine.Closing) {
        switch closing {
        case .normal: break
        case .resetIfLagging: resetIfTheClientLags()
        case .slowStreamConsumer:
            context.logger.notice("closing a slow stream consumer", metadata: ["client": "\(remoteAddress)"])
        }
        tls?.shutdown()
        stream?.close()
        stream = nil
        loop.close(descriptor)
        context.closed(self)
    }
}
