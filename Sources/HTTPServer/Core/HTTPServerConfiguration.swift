/// Everything the HTTP server needs to know to listen and to protect itself.
public struct HTTPServerConfiguration: Sendable, Hashable {
    /// Where to listen: `127.0.0.1`, `0.0.0.0`, `::` or `::1`.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 binds a free one (the server logs which).
    public var port: Int = 8080
    /// The listen backlog.
    public var backlog: Int = 1024
    /// The most connections open at once; one more is answered 503 and closed.
    public var maxConnections: Int = 16_384
    /// How many event loops (threads) serve connections; 0 runs one per online CPU.
    public var eventLoops: Int = 0
    /// The readiness machinery under the loops: epoll on Linux, Dispatch sources anywhere.
    public var ioEngine: IOEngine = .platformDefault
    /// The value of the `Server` header.
    public var serverName: String = "Dateline"
    public var limits = Limits()
    public var timeouts = Timeouts()
    /// HTTPS: when set, the server also (or only) listens for TLS on `tls.port`.
    public var tls: TLSConfiguration?

    public init() {}

    /// Sizes past which a request is refused.
    public struct Limits: Sendable, Hashable {
        /// The request line, CRLF excluded (414 past it).
        public var requestLineBytes: Int = 8 * 1024
        /// All header fields together (431 past it).
        public var headerBytes: Int = 16 * 1024
        /// The number of header fields (431 past it).
        public var headerCount: Int = 100
        /// The body, decoded from chunked if need be (413 past it).
        public var bodyBytes: Int = 1024 * 1024

        public init() {}
    }

    /// Deadlines, in seconds, checked by the I/O loops about every tenth of a second.
    public struct Timeouts: Sendable, Hashable {
        /// From a request's first byte to the end of its header (the slowloris guard).
        public var headerRead: Double = 10
        /// An idle keep-alive connection between requests.
        public var idle: Double = 60
        /// The longest pause between two pieces of a request body.
        public var bodyProgress: Double = 30
        /// The longest a pending response may wait on a client that does not read.
        public var writeStall: Double = 30
        /// How long graceful shutdown waits for in-flight responses before force-closing.
        public var shutdownDeadline: Double = 10

        public init() {}
    }
}
