/// What a web server answered: the final status, the header fields of the final response, the
/// decoded body and the address it came from after redirects.
///
/// ```swift
/// let response = try WebClient().get("https://example.org/feed.xml")
/// let tag = response.header("ETag")
/// ```
public struct WebResponse: Sendable {
    /// The HTTP status of the last response (after redirects), such as 200 or 304.
    public var status: Int
    /// The header fields of the last response, in the order received, names as sent.
    public var headers: [(name: String, value: String)]
    /// The body, with any content coding (gzip, deflate, br) removed.
    public var body: [UInt8]
    /// The address the body came from: the requested one, or where redirects led.
    public var finalURL: String

    /// A response; the client builds these, tests and fakes may too.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = [], finalURL: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.finalURL = finalURL
    }

    /// The value of the first header field named `name`, compared without regard to case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// Whether the status is in the 2xx range.
    public var isSuccess: Bool { (200..<300).contains(status) }
}
