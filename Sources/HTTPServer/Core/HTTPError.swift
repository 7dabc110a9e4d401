public import HTTPTypes

/// An error that becomes an RFC 9457 `application/problem+json` response.
///
/// Throw it from a handler or middleware; the server renders every error in one place
/// (`ProblemDetails`). Any other error thrown becomes a 500 without its details.
public struct HTTPError: Error, Sendable {
    public var status: HTTPResponse.Status
    /// A human-readable explanation specific to this occurrence.
    public var detail: String?
    /// A URI reference that identifies the problem type; `about:blank` when nil.
    public var type: String?
    /// Extension members added to the problem object (`"errors": [...]`, `"parameter": "limit"`).
    public var extensions: [String: JSONValue]
    /// Header fields the response must carry (`Allow`, `WWW-Authenticate`, `Location`).
    public var headerFields: HTTPFields
    /// Whether the connection must close after the response (framing in doubt).
    public var closeConnection: Bool

    public init(
        _ status: HTTPResponse.Status, detail: String? = nil, type: String? = nil,
        extensions: [String: JSONValue] = [:], headerFields: HTTPFields = [:],
        closeConnection: Bool = false
    ) {
        self.status = status
        self.detail = detail
        self.type = type
        self.extensions = extensions
        self.headerFields = headerFields
        self.closeConnection = closeConnection
    }
}
