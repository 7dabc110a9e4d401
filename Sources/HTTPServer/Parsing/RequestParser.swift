import HTTPTypes

/// An incremental HTTP/1.1 request parser (RFC 9112), strict where leniency invites smuggling.
///
/// A connection appends what it receives and then calls ``next()`` until it answers
/// ``Event/needMore``: several pipelined requests may be buffered at once, and the bytes after a
/// request stay buffered for the next call.
///
/// ```swift
/// var parser = RequestParser(limits: configuration.limits)
/// parser.append(received)
/// reading: while true {
///     switch parser.next() {
///     case .needMore: break reading
///     case .continueExpected: send("HTTP/1.1 100 Continue\r\n\r\n")
///     case .request(let request): respond(to: request)
///     case .failure(let error): respond(with: error); close(); break reading
///     }
/// }
/// ```
public struct RequestParser: Sendable {
    /// What the buffered bytes say next.
    public enum Event: Sendable {
        /// Nothing complete is buffered: read more.
        case needMore
        /// The head carried `Expect: 100-continue` and the body is not yet buffered: the
        /// connection writes `HTTP/1.1 100 Continue\r\n\r\n` once. Emitted at most once per
        /// request, and not at all if the body is already fully buffered.
        case continueExpected
        /// A complete request.
        case request(Request)
        /// Always with `closeConnection == true`: after a failure the connection answers with the
        /// error and closes. Every later call returns the same failure.
        case failure(HTTPError)
    }

    /// More empty lines than this before a request line are refused rather than skipped forever.
    static let maxLeadingEmptyLines = 16

    let limits: HTTPServerConfiguration.Limits
    /// Received bytes; those before `readIndex` are consumed.
    var buffer: [UInt8] = []
    var readIndex = 0
    /// Where the search for the current line's end stopped.
    var scanner = LineScanner()
    var leadingEmptyLines = 0
    /// The request line and fields so far; nil until a request line has been read.
    var builder: HeadBuilder?
    /// The complete head whose body is being read; nil while reading a head.
    var pending: RequestHead?
    var bodyState = BodyState.none
    var body: [UInt8] = []
    var continueSent = false
    var failed: HTTPError?

    /// A parser that enforces the given limits.
    public init(limits: HTTPServerConfiguration.Limits) {
        self.limits = limits
    }

    /// Appends received bytes to the parser's buffer.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Appends received bytes to the parser's buffer.
    public mutating func append(_ bytes: [UInt8]) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received and not yet parsed.
    public var unparsedCount: Int { buffer.count - readIndex }

    /// True when some bytes of a request not yet complete are buffered (the connection starts
    /// its header-read timer from the first such byte).
    public var isMidRequest: Bool {
        failed == nil && (pending != nil || builder != nil || readIndex < buffer.count)
    }

    /// True while the head is complete and the body is still arriving (body-progress timer).
    public var isReadingBody: Bool {
        failed == nil && pending != nil
    }

    /// The next thing the buffered bytes say. Call repeatedly until `.needMore`.
    public mutating func next() -> Event {
        if let failed { return .failure(failed) }
        do throws(HTTPError) {
            if pending == nil {
                guard let head = try readHead() else { return .needMore }
                startBody(of: head)
            }
            if try readBody(), let head = pending {
                let request = head.makeRequest(body: body)
                resetForNextRequest()
                return .request(request)
            }
            if pending?.expectsContinue == true, !continueSent {
                continueSent = true
                return .continueExpected
            }
            return .needMore
        } catch {
            failed = error
            return .failure(error)
        }
    }

    /// An error that ends the connection, with a detail naming the problem.
    static func failure(_ status: HTTPResponse.Status, _ detail: String) -> HTTPError {
        HTTPError(status, detail: detail, closeConnection: true)
    }

    private mutating func resetForNextRequest() {
        builder = nil
        pending = nil
        bodyState = .none
        body = []
        continueSent = false
        leadingEmptyLines = 0
    }

    /// Drops consumed bytes. Called before appending, so a burst of pipelined requests is
    /// shifted once per read rather than once per request.
    private mutating func compact() {
        guard readIndex > 0 else { return }
        if readIndex == buffer.count {
            // Keep a modest buffer for the next read; give back what a large burst grew.
            buffer.removeAll(keepingCapacity: buffer.capacity <= 64 * 1024)
        } else {
            buffer.removeSubrange(0..<readIndex)
        }
        readIndex = 0
    }
}
