/// An entity seen together with another: in the same events or in the same sentences.
public struct RelatedEntity: Codable, Sendable, Hashable {
    public var entity: Entity
    /// Events both take part in (as participant or location).
    public var sharedEvents: Int
    /// Sentences of articles that mention both.
    public var sharedSentences: Int

    public var total: Int { sharedEvents + sharedSentences }

    public init(entity: Entity, sharedEvents: Int, sharedSentences: Int) {
        self.entity = entity
        self.sharedEvents = sharedEvents
        self.sharedSentences = sharedSentences
    }
}
