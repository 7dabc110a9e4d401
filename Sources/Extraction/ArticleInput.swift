public import NewsModel

/// One article as received, before extraction: the raw text may still carry its title line
/// and site boilerplate, which ``Cleaner`` removes.
public struct ArticleInput: Sendable, Hashable {
    public var title: String
    /// The text as received; may include the title line and boilerplate.
    public var text: String
    /// The publication day: relative dates ("on Tuesday", "last June") are read against it.
    public var publishedAt: Day
    public var source: Source
    /// A BCP 47 language tag (`en`).
    public var language: String

    public init(title: String, text: String, publishedAt: Day, source: Source, language: String = "en") {
        self.title = title
        self.text = text
        self.publishedAt = publishedAt
        self.source = source
        self.language = language
    }
}
