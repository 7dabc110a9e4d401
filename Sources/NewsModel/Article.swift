/// A news article as stored: its text, where it came from, and the entity mentions found in it.
public struct Article: Codable, Sendable, Hashable, Identifiable {
    /// A readable slug, unique in the store (`what-did-putin-discuss-with-mahmoud-abbas`).
    public var id: String
    public var title: String
    /// The article text, cleaned of boilerplate. Every character offset in the store points into it.
    public var body: String
    public var source: Source
    /// The day the article was published.
    public var publishedAt: Day
    /// A BCP 47 language tag (`en`).
    public var language: String
    public var wordCount: Int
    /// Where the body names an entity, in reading order.
    public var mentions: [Mention]
    /// The extractor version that found its mentions, entities and events; nil for articles
    /// stored before versions were kept.
    public var extractorVersion: String?

    public init(
        id: String, title: String, body: String, source: Source, publishedAt: Day,
        language: String = "en", wordCount: Int? = nil, mentions: [Mention] = [], extractorVersion: String? = nil
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.source = source
        self.publishedAt = publishedAt
        self.language = language
        self.wordCount = wordCount ?? Article.countWords(body)
        self.mentions = mentions
        self.extractorVersion = extractorVersion
    }

    /// Counts whitespace-separated words.
    public static func countWords(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}

/// Where an article came from.
public struct Source: Codable, Sendable, Hashable {
    public var name: String
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}

/// One place where an article's body names an entity.
///
/// Offsets count Unicode scalars (code points) from the start of the body, `end` exclusive,
/// so `Array(body.unicodeScalars)[start..<end]` is `text`.
public struct Mention: Codable, Sendable, Hashable {
    public var entityId: String
    public var sentenceIndex: Int
    public var start: Int
    public var end: Int
    /// The text as written (`Abbas's`, `Russian`).
    public var text: String

    public init(entityId: String, sentenceIndex: Int, start: Int, end: Int, text: String) {
        self.entityId = entityId
        self.sentenceIndex = sentenceIndex
        self.start = start
        self.end = end
        self.text = text
    }
}
