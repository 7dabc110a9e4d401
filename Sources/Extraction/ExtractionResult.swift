public import NewsModel

/// What ``Extractor/extract(_:articleId:known:)`` finds in one article.
public struct ExtractionResult: Sendable, Hashable {
    /// The article with its cleaned body and the entity mentions in reading order.
    public var article: Article
    /// Every entity the article mentions, with `mentionCount` and `articleIds` counted for this
    /// article only.
    public var entities: [Entity]
    /// The happenings the article reports, dated where the text gives a time.
    public var events: [Event]

    public init(article: Article, entities: [Entity], events: [Event]) {
        self.article = article
        self.entities = entities
        self.events = events
    }
}
