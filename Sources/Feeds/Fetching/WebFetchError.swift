/// Why a fetch produced no response.
public struct WebFetchError: Error, Sendable, CustomStringConvertible {
    /// The kinds of failure callers treat differently.
    public enum Kind: String, Sendable, Hashable {
        /// The connection or the whole transfer took longer than allowed.
        case timeout
        /// The body grew past the limit; the transfer was stopped there.
        case tooLarge
        /// Redirects went on past the limit.
        case tooManyRedirects
        /// The host could not be resolved or reached, or the connection broke.
        case connection
        /// The address resolved to an internal one and the client blocks those.
        case forbiddenAddress
        /// The transfer was cancelled (the poller is stopping).
        case cancelled
        /// Anything else libcurl reported (a bad URL, an unsupported protocol, TLS trouble).
        case other
    }

    /// The kind of failure.
    public var kind: Kind
    /// libcurl's explanation, or ours.
    public var message: String

    /// An error of `kind` explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
