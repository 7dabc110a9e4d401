import Dispatch
import HTTPTypes

/// The protocol logic of one HTTP/1.1 connection, with no socket, thread or clock of its own:
/// events come in (bytes read, the peer closed, output drained, a response ready, a deadline
/// passed) and actions go out (respond to this request, flush the output, shut the write side,
/// close). `HTTPConnection` feeds it from the socket and carries out what it asks.
///
/// What the connection wants to hear of (`interest`) and when it must be looked at again
/// (`deadline`) are read after each event; the output it has queued is in `output`.
struct ConnectionStateMachine {
    /// Where the connection is in its life.
    enum State: Equatable {
        /// The TLS handshake is under way; nothing is read as HTTP yet.
        case handshaking
        /// Reading requests and answering them in order.
        case open(Exchange)
        /// No more requests are read: the exchange in flight and the queued output finish, then
        /// the connection lingers.
        case finishing(Exchange)
        /// The write side is shut; what the client still sends is read and dropped until the
        /// linger deadline, so that it reads our answer rather than a reset.
        case lingering
        case closed
    }

    /// What an open (or finishing) connection is busy with.
    enum Exchange: Equatable {
        /// Waiting for a request, or for the rest of one that began at `since`.
        case reading(since: DispatchTime?)
        /// A request's response is being made, on the loop or on a worker thread: nothing more
        /// is parsed or answered until it is queued.
        case responding
        /// A streamed body is being sent.
        case streaming(Stream)
    }

    /// A streamed response body in progress.
    struct Stream: Equatable {
        /// Chunked framing (HTTP/1.1), or a body that ends with the connection (HTTP/1.0).
        let chunked: Bool
        /// Bytes the client sent meanwhile: read so that its hang-up shows at once, kept for
        /// after the stream, up to `readAhead`.
        var readAhead = 0
    }

    /// The readiness the connection wants reported.
    struct Interest: Equatable {
        var reading = true
        var writing = false
    }

    /// What the connection must do, in order.
    enum Action {
        /// Answer `request`: on the loop when it is safe and quick, else on a worker thread. The
        /// answer comes back through `respond(with:to:keepAlive:head:now:)`.
        case respond(Request, offLoop: Bool)
        /// Answer with `error` (no request, or a request that never finished), and close.
        case reject(HTTPError)
        /// Write as much of `output` as the socket takes.
        case flush
        /// Hand the stream's producer a writer.
        case startStream(ResponseStream)
        /// Parse what is buffered after the events at hand (reading was paused, and resumes).
        case processLater
        /// Give the rest of the connection's life the linger deadline (a timed-out request).
        case lingerDeadline
        /// Send TLS close_notify and shut the socket's write side.
        case shutdownWrite
        /// Close the descriptor.
        case close(Closing)
    }

    /// How a connection closes.
    enum Closing: Equatable {
        /// After its last exchange, an error, or the peer leaving.
        case normal
        /// At a deadline: reset instead if the kernel still holds bytes the client has not
        /// taken, so a slow reader sees the end rather than a trickle.
        case resetIfLagging
        /// A streamed body's backlog passed `streamBufferLimit`.
        case slowStreamConsumer
    }

    /// A streamed body's backlog past this disconnects the slow client.
    static let streamBufferLimit = 1024 * 1024
    /// Bytes read ahead, while a response is made or streamed, before reading pauses.
    static let readAhead = 64 * 1024
    /// How long a closing connection drains what the client still sends.
    static let lingerSeconds = 2.0

    // Written only by the machine's own events (here and in `+Responses`); the connection reads them.
    var state: State
    var interest = Interest()
    /// When the connection's current state must be looked at again.
    var deadline: DispatchTime
    /// Bytes queued for the client.
    var output = OutputQueue()
    var parser: RequestParser
    let timeouts: HTTPServerConfiguration.Timeouts

    /// A new connection; `secure` ones begin with the TLS handshake, which is cut like a slow
    /// header if the client never finishes its hello.
    init(configuration: HTTPServerConfiguration, secure: Bool, now: DispatchTime) {
        timeouts = configuration.timeouts
        parser = RequestParser(limits: configuration.limits)
        state = secure ? .handshaking : .open(.reading(since: nil))
        deadline = now + (secure ? timeouts.headerRead : timeouts.idle)
    }

    var isClosed: Bool { state == .closed }
    var isHandshaking: Bool { state == .handshaking }

    // MARK: TLS

    /// The handshake waits for the socket to take more bytes (true) or to bring some (false).
    mutating func handshakeWaits(forWriting writing: Bool) {
        interest.writing = writing
    }

    /// The handshake is done: requests may come.
    mutating func handshakeCompleted(now: DispatchTime) {
        guard state == .handshaking else { return }
        state = .open(.reading(since: nil))
        interest.writing = false
        deadline = now + timeouts.idle
    }

    // MARK: Reading

    /// Bytes from the client.
    mutating func received(_ bytes: UnsafeRawBufferPointer, now: DispatchTime) -> [Action] {
        switch state {
        case .handshaking, .lingering, .closed:
            return []
        case .finishing(.streaming(var stream)):
            stream.readAhead += bytes.count
            state = .finishing(.streaming(stream))
            if stream.readAhead > Self.readAhead { interest.reading = false }
            return []
        case .finishing:
            return [.flush]
        case .open(let exchange):
            let wasMidRequest = parser.isMidRequest
            parser.append(bytes)
            switch exchange {
            case .responding:
                // Pipelined requests wait for the answer; stop reading if they pile up.
                if parser.unparsedCount > Self.readAhead { interest.reading = false }
                return []
            case .streaming(var stream):
                // Pipelined requests wait for the stream's end; stop reading if they pile up.
                stream.readAhead += bytes.count
                state = .open(.streaming(stream))
                if stream.readAhead > Self.readAhead { interest.reading = false }
                return []
            case .reading(let since):
                state = .open(.reading(since: wasMidRequest ? since : now))
                let actions = processRequests(now: now)
                if parser.isReadingBody, case .open = state {
                    // After parsing, so the first piece of a body (or a head announcing one) starts it.
                    deadline = now + timeouts.bodyProgress
                }
                return actions
            }
        }
    }

    /// The client ended its side of the connection.
    mutating func peerClosed() -> [Action] {
        interest.reading = false
        switch state {
        case .open(let exchange) where output.isEmpty && !exchange.isBusy:
            return close()
        case .open(let exchange):
            state = .finishing(exchange)
            return []
        case .handshaking, .lingering:
            return close()
        case .finishing, .closed:
            return []
        }
    }

    /// Parsing resumes after reading was paused (`processLater`).
    mutating func resume(now: DispatchTime) -> [Action] {
        guard case .open(.reading) = state else { return [] }
        return processRequests(now: now)
    }

    /// Answers every complete request buffered, in order, until one is being answered or the
    /// output backs up.
    mutating func processRequests(now: DispatchTime) -> [Action] {
        var actions: [Action] = []
        while case .open(.reading) = state, !output.isAboveHighWater {
            switch parser.next() {
            case .needMore:
                actions.append(.flush)
                updateDeadline(now: now)
                return actions
            case .continueExpected:
                output.append(ResponseHead.continueBytes)
            case .request(let request):
                let offLoop = !request.method.isAnsweredOnTheLoop
                // Reading goes on (a hang-up shows at once, and a request that sends nothing
                // more costs no change of interest), up to `readAhead`.
                state = .open(.responding)
                // However long the answer takes (a write waiting for its flush), no read deadline stands.
                updateDeadline(now: now)
                actions.append(.respond(request, offLoop: offLoop))
                return actions
            case .failure(let error):
                state = .open(.responding)
                actions.append(.reject(error))
                return actions
            }
        }
        if case .open(.reading) = state { interest.reading = false }  // Above the high-water mark.
        actions.append(.flush)
        updateDeadline(now: now)
        return actions
    }

    /// Refuses the connection with `error` before reading anything (over the connection cap).
    /// On TLS the answer's write carries the handshake along.
    mutating func refuse(_ error: HTTPError) -> [Action] {
        switch state {
        case .handshaking, .open(.reading): break
        default: return []
        }
        interest.reading = false
        state = .open(.responding)
        return [.reject(error)]
    }

    // MARK: Deadlines

    /// Sets the deadline for the current state.
    mutating func updateDeadline(now: DispatchTime) {
        guard case .open(let exchange) = state, output.isEmpty else { return }  // A pending write's stall deadline stands.
        switch exchange {
        case .responding, .streaming:
            deadline = .distantFuture
        case .reading where parser.isReadingBody:
            break  // The body-progress deadline set on the last read stands.
        case .reading(let since?) where parser.isMidRequest:
            deadline = since + timeouts.headerRead
        case .reading:
            deadline = now + timeouts.idle
        }
    }

    /// The deadline has come (or not yet: then nothing happens).
    mutating func deadlinePassed(now: DispatchTime) -> [Action] {
        guard !isClosed, now >= deadline else { return [] }
        deadline = .distantFuture
        if case .open(.reading) = state, output.isEmpty, parser.isMidRequest {
            // A head or body that never finished: say so, then close.
            state = .open(.responding)
            return [
                .reject(HTTPError(.requestTimeout, detail: "The request did not arrive in time.", closeConnection: true)),
                .lingerDeadline,
            ]
        }
        if case .open = state {
            return close(.resetIfLagging)
        }
        return close()
    }

    /// After a timed-out request's answer: the connection has `lingerSeconds` left.
    mutating func limitToLinger(now: DispatchTime) {
        guard !isClosed else { return }
        deadline = now + Self.lingerSeconds
    }

    // MARK: Shutdown and closing

    /// Graceful shutdown began (an open stream has already been ended): an idle connection
    /// closes now, a busy one after its response.
    mutating func shutdownRequested() -> [Action] {
        switch state {
        case .open(.reading) where !parser.isMidRequest && output.isEmpty:
            return close()
        case .lingering:
            return close()
        default:
            return []
        }
    }

    /// Closes now, whatever is pending.
    mutating func close(_ closing: Closing = .normal) -> [Action] {
        guard !isClosed else { return [] }
        state = .closed
        output.removeAll()
        return [.close(closing)]
    }

    /// Half-closes and drains the client's remaining bytes for a moment.
    mutating func startLingering(now: DispatchTime) -> [Action] {
        switch state {
        case .closed, .lingering:
            return []
        default:
            state = .lingering
            interest.reading = true
            deadline = now + Self.lingerSeconds
            return [.shutdownWrite]
        }
    }
}

extension ConnectionStateMachine.Exchange {
    /// Still producing a response.
    var isBusy: Bool {
        if case .reading = self { return false }
        return true
    }
}

extension HTTPRequest.Method {
    /// Safe methods (GET, HEAD, OPTIONS) are answered right on the loop, since reads are quick;
    /// any other on a worker thread, so a write that syncs to disk or runs extraction never
    /// stalls the loop's other connections.
    fileprivate var isAnsweredOnTheLoop: Bool {
        switch self {
        case .get, .head, .options: true
        default: false
        }
    }
}
