/// What a re-extraction did, summed over the articles it went through.
public struct ReextractionCounts: Codable, Sendable, Hashable {
    /// Articles the extractor read again (those already current are passed over).
    public var articlesReextracted = 0
    /// Older-version events removed, their reports now carried by the new events.
    public var eventsReplaced = 0
    /// Events the new extraction added.
    public var eventsCreated = 0
    /// Older-version entities rewritten by the new extraction, or removed when it no longer finds them.
    public var entitiesReplaced = 0
    /// Entities the new extraction found that the store did not hold.
    public var entitiesCreated = 0

    public init() {}
}
