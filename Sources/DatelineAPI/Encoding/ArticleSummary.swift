import NewsModel

/// An article as lists show it: everything but the body and the mentions.
struct ArticleSummary: Encodable, Sendable, Hashable {
    var id: String
    var title: String
    var source: Source
    var publishedAt: Day
    var language: String
    var wordCount: Int

    init(_ article: Article) {
        id = article.id
        title = article.title
        source = article.source
        publishedAt = article.publishedAt
        language = article.language
        wordCount = article.wordCount
    }
}
