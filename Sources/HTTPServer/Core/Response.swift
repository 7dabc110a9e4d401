public import HTTPTypes

/// A response: the head in swift-http-types' terms, and a body that is either bytes or a stream.
///
/// The server adds `Date`, `Server`, `Content-Length` (or chunked framing for streams) and
/// `Connection`; handlers set the rest.
public struct Response: Sendable {
    public var head: HTTPResponse
    public var body: ResponseBody
    /// The route template that answered (`/events/{id}`), set by the router, for logs and
    /// metrics; nil for answers no route gave (static files, preflights, unknown paths). A
    /// response kept by a cache keeps it, so a cached answer is counted under its route.
    public var route: String?
    /// The entity tag of the representation (RFC 9110 section 8.8.3), which goes out as `ETag`.
    /// Set it here, not in `headerFields`: the middlewares that compare and vary tags read it
    /// without parsing the field again.
    public var entityTag: EntityTag? {
        didSet { head.headerFields[.eTag] = entityTag?.description }
    }
    /// How caches may keep the response, which goes out as `Cache-Control`; nil leaves the
    /// choice to the client. Set it here, not in `headerFields`: the response cache reads it.
    public var cacheability: Cacheability? {
        didSet { head.headerFields[.cacheControl] = cacheability?.fieldValue }
    }
    /// What the response waits for before it goes out (a write's flush, say); nil sends it at
    /// once. When the gate fails, the error's problem goes out instead (see ``failing(with:)``).
    public var gate: (any ResponseGate)?

    /// A response with these fields; an `ETag` among them becomes `entityTag`.
    public init(status: HTTPResponse.Status = .ok, headerFields: HTTPFields = [:], body: ResponseBody = .bytes([])) {
        self.head = HTTPResponse(status: status, headerFields: headerFields)
        self.body = body
        self.entityTag = headerFields.value(.eTag).flatMap(EntityTag.init(parsing:))
    }

    /// A response whose body is the given bytes with the given content type.
    public init(status: HTTPResponse.Status = .ok, contentType: String, bytes: [UInt8]) {
        self.init(status: status, headerFields: [.contentType: contentType], body: .bytes(bytes))
    }

    /// The status.
    public var status: HTTPResponse.Status {
        get { head.status }
        set { head.status = newValue }
    }

    /// The header fields. Changed in place: with a getter and a setter alone, setting one field
    /// copied the whole list, whose storage the getter's copy was sharing.
    public var headerFields: HTTPFields {
        get { head.headerFields }
        _modify { yield &head.headerFields }
    }

    /// `problem` in this response's place, keeping the fields the middlewares set (CORS,
    /// security, `Vary`) and dropping those that describe this response's content.
    public func failing(with problem: Response) -> Response {
        var failed = problem
        failed.route = route
        for field in headerFields where !failed.headerFields.contains(field.name) && !Self.contentFields.contains(field.name) {
            failed.headerFields.append(field)
        }
        return failed
    }

    private static let contentFields: Set<HTTPField.Name> = [
        .contentType, .contentLength, .contentEncoding, .contentLocation, .eTag, .lastModified, .location, .cacheControl,
    ]
}

/// What follows the head of a response.
public enum ResponseBody: Sendable {
    /// A body known in full, sent with `Content-Length`.
    case bytes([UInt8])
    /// A body produced over time, sent chunked (HTTP/1.1) or until close (HTTP/1.0).
    case stream(ResponseStream)

    /// The bytes of a `.bytes` body; nil for a stream.
    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }
}

/// A streamed body: `start` is called once the head is on its way, with a writer the producer
/// keeps and writes to from any thread until it finishes.
public struct ResponseStream: Sendable {
    public let start: @Sendable (any ResponseBodyWriter) -> Void

    public init(start: @escaping @Sendable (any ResponseBodyWriter) -> Void) {
        self.start = start
    }
}

/// The sink of a streamed response body. Every method may be called from any thread.
public protocol ResponseBodyWriter: Sendable {
    /// Queues bytes for the client. Returns false once the stream is closed (the client went
    /// away, the server is shutting down, or the client is too slow and its buffer overflowed):
    /// the producer should stop then.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool
    /// Ends the body.
    func finish()
    /// Called once when the stream closes for any reason, on a queue of the server's.
    func onClose(_ handler: @escaping @Sendable () -> Void)
}
