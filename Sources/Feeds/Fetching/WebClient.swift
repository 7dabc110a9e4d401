import CCurl

/// A blocking HTTP(S) client over libcurl's easy interface, for fetching feeds and pages.
///
/// Each request follows redirects up to a limit, sends the configured `User-Agent`, accepts
/// every content coding libcurl can decode, allows only `http` and `https` (redirects
/// included), stops at the connect and total timeouts, and aborts a body that grows past
/// `maxBodyBytes`, so memory stays bounded. Proxies come from the environment (`http_proxy`,
/// `https_proxy`, `no_proxy`), as libcurl does by default.
///
/// Calls block the calling thread: make them from threads of your own, never an event loop.
///
/// ```swift
/// let client = WebClient(configuration: .init(userAgent: "Dateline/1.0 (+https://example.org)"))
/// let response = try client.get("https://example.org/feed.xml", headers: [("Accept", "application/rss+xml")])
/// print(response.status, response.body.count)
/// ```
public struct WebClient: WebFetching {
    /// Limits and identity for every request of a client.
    public struct Configuration: Sendable {
        /// The `User-Agent` header; a request may override it with a header of its own.
        public var userAgent: String
        /// How long establishing a connection may take.
        public var connectTimeout: Duration
        /// How long a whole transfer may take, redirects included.
        public var timeout: Duration
        /// The most redirects followed; one more is an error.
        public var maxRedirects: Int
        /// The largest body accepted, after decoding.
        public var maxBodyBytes: Int
        /// Whether connections to internal addresses (loopback, private, link-local, CGNAT,
        /// multicast; IPv4 and IPv6) are refused, redirects included, so links from feeds
        /// cannot reach services inside the network. The check applies to the address
        /// connected to: behind a proxy that is the proxy's, so turn it off there.
        public var blocksInternalAddresses: Bool

        /// A configuration; the defaults suit feeds and article pages.
        public init(
            userAgent: String = WebClient.defaultUserAgent, connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30),
            maxRedirects: Int = 5, maxBodyBytes: Int = 8 * 1024 * 1024, blocksInternalAddresses: Bool = false
        ) {
            self.userAgent = userAgent
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maxRedirects = maxRedirects
            self.maxBodyBytes = maxBodyBytes
            self.blocksInternalAddresses = blocksInternalAddresses
        }
    }

    /// The user agent sent unless configured otherwise.
    public static let defaultUserAgent = "Dateline/1.0 (+https://github.com/dateline; news events API)"

    /// The client's configuration.
    public let configuration: Configuration

    /// A client with the given configuration.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Fetches `url` with a GET request and returns the final response, whatever its status.
    /// `headers` (such as `If-None-Match` or `Accept`) are added, or replace the client's own
    /// (`User-Agent`); a header with a line break in it is left out. `maxBodyBytes` overrides
    /// the configured limit for this request.
    ///
    /// Throws ``WebFetchError`` when no response arrived: a timeout, a body past the limit,
    /// too many redirects, a connection failure, a refused internal address, a cancellation,
    /// or anything else libcurl reports.
    public func get(
        _ url: String, headers: [(name: String, value: String)] = [], maxBodyBytes: Int? = nil, cancellation: WebCancellation? = nil
    ) throws -> WebResponse {
        var configuration = configuration
        if let maxBodyBytes { configuration.maxBodyBytes = maxBodyBytes }
        return try CurlTransfer(url: url, configuration: configuration, headers: headers, cancellation: cancellation).perform()
    }

    /// Sends `body` to `url` with a POST request and returns the final response, whatever its
    /// status; throws as ``get(_:headers:cancellation:)`` does.
    public func post(
        _ url: String, body: [UInt8], headers: [(name: String, value: String)] = [], cancellation: WebCancellation? = nil
    ) throws -> WebResponse {
        try CurlTransfer(url: url, configuration: configuration, headers: headers, cancellation: cancellation, body: body).perform()
    }
}
