import NewsModel

/// Finds an article the store already holds by its source URL or by its exact body text, so
/// that posting the same article twice gives back the first.
///
/// The store keeps the indexes (``StoreSnapshot/duplicateArticle(url:body:)``) on every write,
/// deletes and replays included; this is the ingestion's door to them.
struct DuplicateIndex {
    /// The id of an article in `snapshot` with this source URL or this body, if any.
    func duplicate(url: String?, body: String, in snapshot: StoreSnapshot, store: NewsStore) -> String? {
        snapshot.duplicateArticle(url: url, body: body)
    }

    /// Every article, in the order of the articles list.
    static func allArticles(in snapshot: StoreSnapshot) -> [Article] {
        var articles: [Article] = []
        var cursor: String?
        repeat {
            guard let page = try? snapshot.articles(limit: EventQuery.maxLimit, cursor: cursor) else { break }
            articles += page.items
            cursor = page.next
        } while cursor != nil
        return articles
    }
}
