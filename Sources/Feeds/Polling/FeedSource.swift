/// A feed to poll and how often.
///
/// ```swift
/// let source = FeedSource(url: "https://example.org/rss.xml", interval: .seconds(600))
/// ```
public struct FeedSource: Sendable, Hashable, Codable {
    /// The feed's address.
    public var url: String
    /// The time between polls; never less than one second.
    public var interval: Duration

    /// A source polled every `interval` (raised to one second if shorter).
    public init(url: String, interval: Duration) {
        self.url = url
        self.interval = max(interval, .seconds(1))
    }
}
