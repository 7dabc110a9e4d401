import HTTPTypes

extension RequestParser {
    /// A request head that passed every check, waiting for its body.
    struct RequestHead: Sendable {
        /// How the body is delimited (RFC 9112 section 6.3).
        enum Framing: Sendable, Equatable {
            /// No body.
            case none
            /// Exactly this many bytes (more than zero).
            case length(Int)
            /// Chunked transfer coding.
            case chunked
        }

        var head: HTTPRequest
        var version: HTTPVersion
        var target: RequestTarget
        var keepAlive: Bool
        var framing: Framing
        /// Whether the client waits for `100 Continue` before sending the body.
        var expectsContinue: Bool

        /// The request handlers see, with the given body.
        func makeRequest(body: [UInt8]) -> Request {
            Request(
                head: head,
                version: version,
                path: target.path,
                query: target.query,
                body: body,
                keepAlive: keepAlive
            )
        }
    }
}
