import Dispatch

extension ConnectionStateMachine {
    /// What a response's head needs from the server beside the response itself.
    struct HeadContext {
        /// The `Date` header's value now.
        var date: String
        /// The `Server` header's value.
        var serverName: String
    }

    // MARK: Responses

    /// A response is ready: for `request`, or for an error with no request (`reject`), under the
    /// request id `requestID`. Queues its bytes and goes on with what is buffered. Returns the
    /// bytes queued, for the record.
    mutating func respond(
        with response: Response, to request: Request?, requestID: String, keepAlive: Bool,
        head context: HeadContext, now: DispatchTime
    ) -> (bytes: Int, actions: [Action]) {
        let finishing: Bool
        switch state {
        case .open(.responding): finishing = false
        case .finishing(.responding): finishing = true
        default: return (0, [])  // Closed while the handler ran.
        }
        let isHead = request?.method == .head
        let version = request?.version ?? .http1_1
        let code = response.status.code
        let bodyless = isHead || code == 304 || code == 204
        func head(_ framing: ResponseHead.Framing, keepAlive: Bool) -> [UInt8] {
            ResponseHead.bytes(
                for: response.head, framing: framing, keepAlive: keepAlive, version: version,
                date: context.date, serverName: context.serverName, requestID: requestID)
        }
        let queued: Int
        switch response.body {
        case .bytes(let body):
            // 204 and 304 carry no Content-Length of their own (RFC 9110 sections 8.6 and 15.4.5).
            let bytes = head(code == 204 || code == 304 ? .none : .length(body.count), keepAlive: keepAlive)
            output.append(bytes)
            if !bodyless { output.append(body) }
            queued = bytes.count + (bodyless ? 0 : body.count)
        case .stream where bodyless:
            let bytes = head(.none, keepAlive: keepAlive)
            output.append(bytes)
            queued = bytes.count
        case .stream(let producer):
            let chunked = version != .http1_0
            let bytes = head(chunked ? .chunked : .untilClose, keepAlive: keepAlive && chunked)
            output.append(bytes)
            let stream = Stream(chunked: chunked)
            state = finishing || !keepAlive || !chunked ? .finishing(.streaming(stream)) : .open(.streaming(stream))
            updateDeadline(now: now)
            return (bytes.count, [.flush, .startStream(producer)])
        }
        if finishing || !keepAlive {
            state = .finishing(.reading(since: nil))
            interest.reading = false
            return (queued, [.flush])
        }
        state = .open(.reading(since: parser.isMidRequest ? now : nil))
        interest.reading = true
        return (queued, processRequests(now: now))
    }

    // MARK: Streams

    /// Bytes from a stream's producer.
    mutating func streamed(_ bytes: [UInt8], now: DispatchTime) -> [Action] {
        guard let stream = state.stream, !bytes.isEmpty else { return [] }
        if output.count + bytes.count > Self.streamBufferLimit {
            return close(.slowStreamConsumer)
        }
        output.append(stream.chunked ? ResponseHead.chunk(bytes) : bytes)
        updateDeadline(now: now)
        return [.flush]
    }

    /// The stream's producer finished (or graceful shutdown ends the stream).
    mutating func streamEnded(shuttingDown: Bool, now: DispatchTime) -> [Action] {
        guard let stream = state.stream else { return [] }
        if stream.chunked { output.append(ResponseHead.lastChunk) }
        if case .finishing = state {
            state = .finishing(.reading(since: nil))
        } else if shuttingDown || !stream.chunked {
            state = .finishing(.reading(since: nil))
        }
        if case .finishing = state {
            return [.flush]
        }
        state = .open(.reading(since: parser.isMidRequest ? now : nil))
        interest.reading = true
        return processRequests(now: now)
    }

    // MARK: Writing

    /// Joins small queued pieces before a TLS write.
    mutating func coalesceOutput() {
        output.coalesce()
    }

    /// `count` bytes of the output reached the socket.
    mutating func wrote(_ count: Int, now: DispatchTime) {
        output.consume(count)
        // A stream's deadline moves with its progress; a response must drain within
        // `writeStall` of the first blocked write, however slowly the client reads (slow read).
        if count > 0, state.stream != nil {
            deadline = now + timeouts.writeStall
        }
    }

    /// The socket takes no more for now: wait for writability, within `writeStall`.
    mutating func writeBlocked(now: DispatchTime) {
        guard !isClosed, !interest.writing else { return }
        interest.writing = true
        deadline = now + timeouts.writeStall
    }

    /// Everything queued is written.
    mutating func outputDrained(now: DispatchTime) -> [Action] {
        interest.writing = false
        switch state {
        case .finishing(let exchange) where !exchange.isBusy:
            return startLingering(now: now)
        case .open(.reading) where !interest.reading:
            interest.reading = true
            updateDeadline(now: now)
            return [.processLater]
        case .open:
            updateDeadline(now: now)
            return []
        default:
            return []
        }
    }
}

extension ConnectionStateMachine.State {
    /// The stream in progress, if any.
    var stream: ConnectionStateMachine.Stream? {
        switch self {
        case .open(.streaming(let stream)), .finishing(.streaming(let stream)): stream
        default: nil
        }
    }
}
