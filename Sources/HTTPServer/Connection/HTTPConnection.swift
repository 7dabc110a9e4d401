import Dispatch
import HTTPTypes
import Logging
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection: reads requests, answers them in order, and enforces every timeout.
///
/// All mutable state below is owned by `loop`'s thread: the loop calls the connection there
/// (as its `EventLoopClient`), and outside callers hop onto it with `loop.execute`. That is
/// why the class is `@unchecked Sendable`.
final class HTTPConnection: IOLoopClient, @unchecked Sendable {
    let descriptor: Int32
    let loop: any IOLoop
    let remoteAddress: String
    private let context: ConnectionContext

    private var parser: RequestParser
    private var readSuspended = false
    private var writeSuspended = true
    /// When the current state's deadline is; the loop asks in its sweeps.
    private var deadline = DispatchTime.distantFuture

    /// Bytes queued for the client, in order; `outputOffset` bytes of the first are already sent.
    private var output: [[UInt8]] = []
    private var outputOffset = 0
    private var outputBytes = 0

    private enum Phase { case open, closeAfterOutput, lingering, closed }
    private var phase = Phase.open
    private var requestStart: DispatchTime?
    private var stream: ConnectionStreamWriter?
    /// A request's handler is running on a worker thread; nothing more is read or answered
    /// until its response is queued.
    private var responding = false
    /// Still producing a response: a handler off the loop, or a stream.
    private var busy: Bool { responding || stream != nil }
    private var streamChunked = true
    /// Bytes a client sent while its stream ran: read so that its hang-up shows at once, and
    /// kept for after the stream, up to `streamReadAhead`.
    private var bytesReadWhileStreaming = 0
    private static let streamReadAhead = 64 * 1024
    /// The TLS session on an HTTPS connection; nil on plain HTTP.
    private let tls: TLSSession?
    private var handshaking: Bool

    /// Output past this stops reading more requests until the client catches up.
    private static let outputHighWater = 256 * 1024
    /// A streamed body's backlog past this disconnects the slow client.
    private static let streamBufferLimit = 1024 * 1024
    /// How long a closing connection drains what the client still sends, so it reads our answer.
    private static let lingerSeconds = 2.0

    init(descriptor: Int32, remoteAddress: String, context: ConnectionContext, loop: any IOLoop, tls: TLSSession? = nil) {
        self.descriptor = descriptor
        self.remoteAddress = remoteAddress
        self.context = context
        self.loop = loop
        self.tls = tls
        self.handshaking = tls != nil
        self.parser = RequestParser(limits: context.configuration.limits)
    }

    /// Starts reading. Called once, from any thread.
    func start() {
        loop.execute { [self] in
            loop.register(self, descriptor: descriptor)
            // A client that opens TCP and never finishes its hello is cut like a slow header.
            setDeadline(after: handshaking ? context.configuration.timeouts.headerRead : context.configuration.timeouts.idle)
        }
    }

    /// Begins graceful shutdown: idle connections close now, busy ones after their response.
    func beginShutdown() {
        loop.execute { [self] in
            if let stream { streamFinish(from: stream) }  // Ends an open stream with its last chunk.
            let idle = phase == .open && !parser.isMidRequest && output.isEmpty && !busy
            if idle || phase == .lingering { close() }
        }
    }

    /// Answers one error and closes, without reading a request: for connections over the cap.
    func refuse(_ error: HTTPError) {
        loop.execute { [self] in
            pauseReading()
            answer(failure: error)
            flush()
        }
    }

    /// Closes at once, whatever is pending. From any thread.
    func forceClose() {
        loop.execute { [self] in close() }
    }

    // MARK: Readiness, from the loop

    func writable() {
        if handshaking { return advanceHandshake() }
        flush()
        // A TLS read may have waited for writability (a post-handshake message).
        if tls != nil, output.isEmpty, phase == .open, !readSuspended { readable() }
    }

    /// An error or a hang-up in both directions: nothing more can reach the client.
    func hungUp() {
        close()
    }

    // MARK: Reading

    /// Reads what the socket (or TLS) has, and answers what is complete. From the loop, and
    /// from the connection itself when bytes may wait where no readiness shows them.
    func readable() {
        if handshaking {
            advanceHandshake()
            return
        }
        let result: Int = withUnsafeTemporaryAllocation(byteCount: 32 * 1024, alignment: 16) { buffer in
            let count = receive(into: buffer)
            if count > 0, phase == .open {
                let wasMidRequest = parser.isMidRequest
                parser.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                if !wasMidRequest { requestStart = .now() }
            }
            return count
        }
        if result < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { return }
            close()  // ECONNRESET and the like: the client is gone.
            return
        }
        if result == 0 {
            endOfInput()
            return
        }
        if phase == .lingering { return }  // Draining what the client still sends; ignore it.
        if busy {
            // Pipelined requests wait for the response's end; stop reading if they pile up.
            bytesReadWhileStreaming += result
            if bytesReadWhileStreaming > Self.streamReadAhead { pauseReading() }
            return
        }
        processRequests()
        if parser.isReadingBody && phase == .open {
            // After parsing, so the first piece of a body (or a head announcing one) starts it.
            setDeadline(after: context.configuration.timeouts.bodyProgress)
        }
        if let tls, tls.hasBufferedInput, phase == .open, !readSuspended {
            // Decrypted bytes wait inside OpenSSL, where no read source sees them.
            loop.later { [self] in if phase == .open, !readSuspended { readable() } }
        }
    }

    /// Reads from the socket, or decrypts from TLS: a count, 0 at the end of the stream, or -1
    /// with `errno` set (EAGAIN when there is nothing for now).
    private func receive(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let tls else {
            return Posix.read(descriptor, into: buffer)
        }
        let (count, outcome) = tls.read(into: buffer)
        if count > 0 { return count }
        switch outcome {
        case .done, .wantRead:
            errno = EAGAIN
            return -1
        case .wantWrite:
            resumeWriting()
            errno = EAGAIN
            return -1
        case .closed:
            return 0
        case .failed:
            errno = ECONNRESET
            return -1
        }
    }

    /// Moves the TLS handshake on; once done, reads requests as usual.
    private func advanceHandshake() {
        guard let tls, phase == .open else { return }
        switch tls.handshake() {
        case .done:
            handshaking = false
            suspendWriting()
            setDeadline(after: context.configuration.timeouts.idle)
            readable()
        case .wantRead:
            suspendWriting()
        case .wantWrite:
            resumeWriting()
        case .closed:
            close()
        case .failed(let error) where error.kind == .plainHTTP:
            answerPlainHTTPOnTLSPort()
        case .failed:
            close()
        }
    }

    /// A plain-HTTP request on the TLS port gets a short plain-text 400, then the connection
    /// closes: a clear answer instead of a hang or a TLS alert the client cannot read.
    private func answerPlainHTTPOnTLSPort() {
        let body = "This port speaks HTTPS; use an https:// URL.\n"
        let text = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        _ = text.withCString { Posix.send(descriptor, $0, strlen($0)) }
        shutdown(descriptor, Int32(SHUT_WR))
        close()
    }

    private func endOfInput() {
        pauseReading()
        switch phase {
        case .open where output.isEmpty && !busy:
            close()
        case .open:
            phase = .closeAfterOutput
        case .lingering:
            close()
        case .closeAfterOutput, .closed:
            break
        }
    }

    /// Answers every complete request buffered, in order, until output backs up.
    private func processRequests() {
        while phase == .open && !busy && outputBytes < Self.outputHighWater {
            switch parser.next() {
            case .needMore:
                flush()
                updateDeadline()
                return
            case .continueExpected:
                enqueue(ResponseHead.continueBytes)
            case .request(let request):
                answer(request)
            case .failure(let error):
                answer(failure: error)
            }
        }
        if phase == .open && !busy && outputBytes >= Self.outputHighWater {
            pauseReading()
        }
        flush()
        updateDeadline()
    }

    /// Answers a request: a safe one (GET, HEAD, OPTIONS) right here on the loop, since reads
    /// are quick; any other on a worker thread, so a write that syncs to disk or runs extraction
    /// never stalls the loop's other connections.
    private func answer(_ incoming: Request) {
        let started = DispatchTime.now()
        var request = incoming
        request.remoteAddress = remoteAddress
        request.id = RequestID.take(from: request.headerFields[.requestID])
        switch request.method {
        case .get, .head, .options:
            return finish(request, with: respond(to: request), started: started)
        default:
            break
        }
        responding = true
        pauseReading()
        DispatchQueue.global().async { [self, request] in
            let response = respond(to: request)
            loop.execute { [self] in
                responding = false
                guard phase != .closed else { return }
                finish(request, with: response, started: started)
                if stream == nil { resumeReading() }
                processRequests()
            }
        }
    }

    /// The responder's answer, or the problem its error stands for. On any thread.
    private func respond(to request: Request) -> Response {
        do {
            return try context.responder.respond(to: request)
        } catch {
            if !(error is HTTPError) {
                context.logger.error("handler failed", metadata: ["path": "\(request.path)", "error": "\(error)", "request_id": "\(request.id)"])
            }
            return ProblemDetails.response(for: error, instance: request.path)
        }
    }

    /// Queues a request's response and records it.
    private func finish(_ request: Request, with answer: Response, started: DispatchTime) {
        var response = answer
        response.headerFields[.requestID] = request.id
        let keepAlive = request.keepAlive && !context.shutdown.isRequested && response.headerFields[.connection]?.lowercased() != "close"
        let bytesOut = send(response, for: request, keepAlive: keepAlive)
        context.observer?.requestCompleted(RequestRecord(
            method: request.method, path: request.path, route: request.route, status: response.status,
            bytesIn: request.body.count, bytesOut: bytesOut,
            duration: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
            requestID: request.id, remoteAddress: remoteAddress, userAgent: request.headerFields[.userAgent]))
        if !keepAlive && stream == nil { closeAfterOutput() }
    }

    private func answer(failure error: HTTPError) {
        var response = ProblemDetails.response(for: error)
        let id = RequestID.generate()
        response.headerFields[.requestID] = id
        let bytes = send(response, for: nil, keepAlive: false)
        context.observer?.requestCompleted(RequestRecord(
            method: .get, path: "", route: nil, status: response.status, bytesIn: 0, bytesOut: bytes,
            duration: 0, requestID: id, remoteAddress: remoteAddress, userAgent: nil))
        closeAfterOutput()
    }

    /// Queues a response; returns the bytes queued.
    private func send(_ response: Response, for request: Request?, keepAlive: Bool) -> Int {
        let isHead = request?.method == .head
        let version = request?.version ?? .http1_1
        let bodyless = isHead || response.status.code == 304 || response.status.code == 204
        let date = context.dateHeader.current
        let name = context.configuration.serverName
        switch response.body {
        case .bytes(let body):
            // 204 and 304 carry no Content-Length of their own (RFC 9110 sections 8.6 and 15.4.5).
            let framing: ResponseHead.Framing = [204, 304].contains(response.status.code) ? .none : .length(body.count)
            let head = ResponseHead.bytes(for: response.head, framing: framing, keepAlive: keepAlive,
                                          version: version, date: date, serverName: name)
            enqueue(head)
            if !bodyless && !body.isEmpty { enqueue(body) }
            return head.count + (bodyless ? 0 : body.count)
        case .stream(let producer):
            if bodyless {
                let head = ResponseHead.bytes(for: response.head, framing: .none, keepAlive: keepAlive,
                                              version: version, date: date, serverName: name)
                enqueue(head)
                return head.count
            }
            streamChunked = version != .http1_0
            let head = ResponseHead.bytes(for: response.head, framing: streamChunked ? .chunked : .untilClose,
                                          keepAlive: keepAlive && streamChunked, version: version, date: date, serverName: name)
            enqueue(head)
            let writer = ConnectionStreamWriter(connection: self)
            stream = writer
            bytesReadWhileStreaming = 0
            if !keepAlive || !streamChunked { phase = .closeAfterOutput }
            flush()
            producer.start(writer)
            return head.count
        }
    }

    // MARK: Streams

    /// Bytes from a stream's producer, on the loop.
    func streamWrite(_ bytes: [UInt8], from writer: ConnectionStreamWriter) {
        guard stream === writer, phase != .closed, !bytes.isEmpty else { return }
        if outputBytes + bytes.count > Self.streamBufferLimit {
            context.logger.notice("closing a slow stream consumer", metadata: ["client": "\(remoteAddress)"])
            close()
            return
        }
        enqueue(streamChunked ? ResponseHead.chunk(bytes) : bytes)
        flush()
        updateDeadline()
    }

    /// The end of a stream, on the loop.
    func streamFinish(from writer: ConnectionStreamWriter) {
        guard stream === writer, phase != .closed else { return }
        stream = nil
        writer.close()
        if streamChunked { enqueue(ResponseHead.lastChunk) }
        if context.shutdown.isRequested || !streamChunked { phase = phase == .open ? .closeAfterOutput : phase }
        if phase == .closeAfterOutput {
            flush()
            if output.isEmpty { startLingering() }
            return
        }
        resumeReading()
        processRequests()
    }

    // MARK: Writing

    private func enqueue(_ bytes: [UInt8]) {
        output.append(bytes)
        outputBytes += bytes.count
    }

    /// Sends what it can without blocking; waits for writability for the rest.
    private func flush() {
        while !output.isEmpty {
            let sent = writeOutput()
            if sent < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    resumeWriting()
                    return
                }
                close()  // EPIPE, ECONNRESET: the client is gone.
                return
            }
            consume(sent)
        }
        suspendWriting()
        switch phase {
        case .closeAfterOutput where !busy:
            startLingering()
        case .open where readSuspended && !busy:
            resumeReading()
            loop.later { [self] in if phase == .open { processRequests() } }
        default:
            break
        }
    }

    /// One `writev` of up to 16 queued pieces: the head and body of a response leave together.
    /// Under TLS, as much of the first piece as OpenSSL takes (it keeps partial writes).
    private func writeOutput() -> Int {
        if let tls {
            coalesceSmallPieces()
            let (count, outcome) = output[0].withUnsafeBytes { raw in
                tls.write(UnsafeRawBufferPointer(rebasing: raw[outputOffset...]))
            }
            if count > 0 { return count }
            switch outcome {
            case .done, .wantRead, .wantWrite: errno = EAGAIN
            case .closed, .failed: errno = EPIPE
            }
            return -1
        }
        let pieces = min(output.count, 16)
        return withUnsafeTemporaryAllocation(of: iovec.self, capacity: pieces) { vectors in
            func fill(_ index: Int) -> Int {
                if index == pieces { return Posix.writev(descriptor, vectors.baseAddress, pieces) }
                return output[index].withUnsafeBytes { raw in
                    let skip = index == 0 ? outputOffset : 0
                    vectors[index] = iovec(iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress! + skip),
                                           iov_len: raw.count - skip)
                    return fill(index + 1)
                }
            }
            return fill(0)
        }
    }

    /// Joins the first queued pieces up to 16 KiB, so a small head and body leave in one TLS
    /// record and one send. Only before the first piece is partly written: OpenSSL wants a
    /// retried write to carry the same bytes.
    private func coalesceSmallPieces() {
        guard outputOffset == 0, output.count > 1, output[0].count < 16 * 1024 else { return }
        var merged = output[0]
        var taken = 1
        while taken < output.count, merged.count + output[taken].count <= 16 * 1024 {
            merged += output[taken]
            taken += 1
        }
        guard taken > 1 else { return }
        output.replaceSubrange(0..<taken, with: [merged])
    }

    private func consume(_ count: Int) {
        var remaining = count
        outputBytes -= count
        while remaining > 0 {
            let available = output[0].count - outputOffset
            if remaining >= available {
                remaining -= available
                output.removeFirst()
                outputOffset = 0
            } else {
                outputOffset += remaining
                remaining = 0
            }
        }
        // A stream's deadline moves with its progress; a response must drain within
        // `writeStall` of the first blocked write, however slowly the client reads (slow read).
        if count > 0, stream != nil {
            setDeadline(after: context.configuration.timeouts.writeStall)
        }
    }

    private func resumeWriting() {
        guard writeSuspended, phase != .closed else { return }
        writeSuspended = false
        watchReadiness()
        setDeadline(after: context.configuration.timeouts.writeStall)
    }

    private func suspendWriting() {
        guard !writeSuspended else { return }
        writeSuspended = true
        watchReadiness()
    }

    private func pauseReading() {
        guard !readSuspended else { return }
        readSuspended = true
        watchReadiness()
    }

    private func resumeReading() {
        guard readSuspended, phase == .open else { return }
        readSuspended = false
        watchReadiness()
    }

    /// Tells the loop which readiness to report, from the two flags.
    private func watchReadiness() {
        guard phase != .closed else { return }  // Its descriptor number may belong to another by now.
        loop.watch(descriptor, reading: !readSuspended, writing: !writeSuspended)
    }

    // MARK: Closing

    private func closeAfterOutput() {
        if phase == .open { phase = .closeAfterOutput }
        pauseReading()
    }

    /// Half-closes and drains the client's remaining bytes for a moment, so that a client still
    /// sending (a refused upload) reads our answer instead of a reset.
    private func startLingering() {
        guard phase != .closed, phase != .lingering else { return }
        phase = .lingering
        tls?.shutdown()
        shutdown(descriptor, Int32(SHUT_WR))
        if readSuspended { readSuspended = false; watchReadiness() }
        setDeadline(after: Self.lingerSeconds)
    }

    private func close() {
        guard phase != .closed else { return }
        phase = .closed
        tls?.shutdown()
        stream?.close()
        stream = nil
        output.removeAll()
        outputBytes = 0
        loop.close(descriptor)
        context.closed(self)
    }

    // MARK: Timeouts

    /// Sets the deadline for the connection's current state.
    private func updateDeadline() {
        let timeouts = context.configuration.timeouts
        guard phase == .open else { return }
        if !output.isEmpty {
            return  // The write-stall deadline set on the last progress stands.
        } else if busy {
            setDeadline(.distantFuture)
        } else if parser.isReadingBody {
            return  // The body-progress deadline set on the last read stands.
        } else if parser.isMidRequest, let requestStart {
            setDeadline(requestStart + timeouts.headerRead)
        } else {
            setDeadline(after: timeouts.idle)
        }
    }

    private func setDeadline(after seconds: Double) {
        setDeadline(.now() + seconds)
    }

    /// Records a deadline, and makes sure the loop sweeps by then: a busy keep-alive connection
    /// moves a number, not a kernel timer, on each request.
    private func setDeadline(_ time: DispatchTime) {
        deadline = time
        loop.sweepBy(time)
    }

    func checkDeadline(now: DispatchTime) -> DispatchTime {
        guard phase != .closed, now >= deadline else { return deadline }
        deadline = .distantFuture
        if phase == .open && output.isEmpty && !busy && parser.isMidRequest {
            // A head or body that never finished: say so, then close.
            answer(failure: HTTPError(.requestTimeout, detail: "The request did not arrive in time.", closeConnection: true))
            flush()
            if phase != .closed { setDeadline(after: Self.lingerSeconds) }
            return deadline
        }
        if phase == .open { resetIfTheClientLags() }
        close()
        return .distantFuture
    }

    /// A connection cut by its idle or write-stall deadline while the kernel still holds bytes
    /// the client has not taken (a slow reader) is reset rather than closed: a plain close would
    /// leave the kernel trickling them out, and the client would never see the end.
    private func resetIfTheClientLags() {
        guard let unsent = Posix.unsentBytes(descriptor), unsent > 0 else { return }
        var abort = linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &abort, socklen_t(MemoryLayout<linger>.size))
    }
}

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

/// A flag that graceful shutdown raises once, readable from any queue.
final class ShutdownFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    var isRequested: Bool { raised.load(ordering: .acquiring) }

    func raise() { raised.store(true, ordering: .releasing) }
}
