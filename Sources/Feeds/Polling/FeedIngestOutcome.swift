/// What the sink did with a page: counted in the feed's ``FeedStatus``.
public enum FeedIngestOutcome: Sendable, Hashable, Codable {
    /// A new article was stored.
    case created
    /// The article was already known (the same address or the same text).
    case duplicate
}
