/// What the sink did with a page: counted in the feed's ``FeedStatus``.
public enum FeedIngestOutcome: Sendable, Hashable, Codable {
    /// A new article was stored.
    case created
    /// The article was already known (the same address or the same text).
    case duplicate
}

/// Thrown by a sink that cannot take pages for now (its store is unavailable): the item keeps
/// waiting for a later poll with its attempts untouched, and the feed's other pages wait too.
public struct FeedSinkUnavailable: Error, Sendable, CustomStringConvertible {
    /// Why, for ``FeedStatus/lastItemError``.
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
