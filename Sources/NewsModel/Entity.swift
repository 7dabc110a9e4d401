/// A person, organization, place or group that articles name.
public struct Entity: Codable, Sendable, Hashable, Identifiable {
    /// A stable slug (`vladimir-putin`).
    public var id: String
    public var name: String
    public var type: EntityType
    /// Other names it goes by (`Putin`, `Russian Federation`).
    public var aliases: [String]
    public var description: String?
    /// A Wikidata item id (`Q7747`) when known.
    public var wikidataId: String?
    /// Where a place is, when known: from the knowledge base or the gazetteer for places the
    /// extractor links, or as written through the API. Nil for other kinds of entity and for
    /// places no source locates.
    public var coordinates: Coordinates?
    public var mentionCount: Int
    public var articleIds: [String]
    /// The extractor version that made it; nil for entities written through the API, and for
    /// machine-made ones an editor has since changed (a merge into it, say).
    public var extractorVersion: String?

    public init(
        id: String, name: String, type: EntityType, aliases: [String] = [], description: String? = nil,
        wikidataId: String? = nil, coordinates: Coordinates? = nil, mentionCount: Int = 0, articleIds: [String] = [],
        extractorVersion: String? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.description = description
        self.wikidataId = wikidataId
        self.coordinates = coordinates
        self.mentionCount = mentionCount
        self.articleIds = articleIds
        self.extractorVersion = extractorVersion
    }
}

/// What kind of thing an entity is.
public enum EntityType: String, Codable, Sendable, Hashable, CaseIterable {
    case person, organization, location, group, other
}
