public import HTTPTypes

/// Hears what the server does, for access logs and metrics. Called on the event loops' threads
/// and the accept queue: implementations must be thread-safe and quick.
public protocol HTTPServerObserver: Sendable {
    /// A response has been queued for the client.
    func requestCompleted(_ record: RequestRecord)
    /// A connection was accepted (`open` is the number now open).
    func connectionOpened(open: Int)
    /// A connection closed (`open` is the number still open).
    func connectionClosed(open: Int)
}

extension HTTPServerObserver {
    public func connectionOpened(open: Int) {}
    public func connectionClosed(open: Int) {}
}

/// One request and its answer, as the access log and the metrics see it.
public struct RequestRecord: Sendable {
    public var method: HTTPRequest.Method
    /// The path as received, without the query.
    public var path: String
    /// The route template that matched (`/events/{id}`), nil when none did.
    public var route: String?
    public var status: HTTPResponse.Status
    /// Body bytes received.
    public var bytesIn: Int
    /// Bytes queued for the client, head included (for streams: the head only).
    public var bytesOut: Int
    /// From the request's last byte to the response queued, in seconds.
    public var duration: Double
    public var requestID: String
    public var remoteAddress: String
    public var userAgent: String?

    public init(
        method: HTTPRequest.Method, path: String, route: String?, status: HTTPResponse.Status, bytesIn: Int,
        bytesOut: Int, duration: Double, requestID: String, remoteAddress: String, userAgent: String?
    ) {
        self.method = method
        self.path = path
        self.route = route
        self.status = status
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
        self.duration = duration
        self.requestID = requestID
        self.remoteAddress = remoteAddress
        self.userAgent = userAgent
    }
}
