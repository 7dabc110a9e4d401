public import HTTPTypes

/// A request as handlers see it: the head in swift-http-types' terms, the decoded target, and the body.
public struct Request: Sendable {
    /// Method, authority (from `Host`), the target as received in `path`, and the header fields.
    public var head: HTTPRequest
    public var version: HTTPVersion
    /// The path, percent-decoded once (`/entities/mahmoud-abbas`).
    public var path: String
    /// The query items in order, names and values percent-decoded, `+` read as a space.
    public var query: [QueryItem]
    /// The whole body; empty when there was none.
    public var body: [UInt8]
    /// Whether the connection stays open after the response (RFC 9112 section 9.3).
    public var keepAlive: Bool
    /// The peer's address as text (`127.0.0.1:53122`, `[::1]:53122`).
    public var remoteAddress: String
    /// Values the router and middleware attach: path parameters and the matched route template.
    public var parameters: [String: String] = [:]
    /// The route template that matched (`/events/{id}`), set by the router on the request it
    /// hands its handler; nil before routing. The response carries it back (`Response.route`).
    public var route: String?
    /// The request id: taken from a sane `X-Request-ID`, generated otherwise.
    public var id: String = ""

    public init(
        head: HTTPRequest, version: HTTPVersion = .http1_1, path: String, query: [QueryItem] = [],
        body: [UInt8] = [], keepAlive: Bool = true, remoteAddress: String = ""
    ) {
        self.head = head
        self.version = version
        self.path = path
        self.query = query
        self.body = body
        self.keepAlive = keepAlive
        self.remoteAddress = remoteAddress
    }

    /// The method.
    public var method: HTTPRequest.Method { head.method }

    /// The header fields.
    public var headerFields: HTTPFields { head.headerFields }
}

/// One `name=value` pair of a query string.
public struct QueryItem: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
