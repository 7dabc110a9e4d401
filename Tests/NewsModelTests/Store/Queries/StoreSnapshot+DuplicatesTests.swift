import Testing

@testable import NewsModel

@Suite struct StoreSnapshotDuplicatesTests {
    static func article(_ id: String, url: String? = nil, body: String? = nil) -> Article {
        var article = Article.make(id)
        article.source = Source(name: "Wire", url: url)
        if let body { article.body = body }
        return article
    }

    @Test func findsBySourceURLNormalised() {
        let store = makeStore(articles: [Self.article("a", url: "https://Example.COM/news/1/")])
        let snapshot = store.snapshot
        #expect(snapshot.duplicateArticle(url: " https://example.com/news/1 ", body: "other") == "a")
        #expect(snapshot.duplicateArticle(url: "https://example.com/News/1", body: "other") == nil)
    }

    @Test func findsByBodyAndTellsCollisionsApart() {
        let store = makeStore(articles: [Self.article("a", body: "Same text."), Self.article("b", body: "Other text.")])
        #expect(store.snapshot.duplicateArticle(url: nil, body: "Same text.") == "a")
        #expect(store.snapshot.duplicateArticle(url: "https://elsewhere.org/x", body: "Other text.") == "b")
        #expect(store.snapshot.duplicateArticle(url: nil, body: "Same text") == nil)
    }

    @Test func theLowestIDWins() {
        let store = makeStore(articles: [Self.article("b", url: "http://x.org/1"), Self.article("a", url: "http://x.org/1")])
        #expect(store.snapshot.duplicateArticle(url: "http://x.org/1", body: "") == "a")
    }

    @Test func followsUpdatesAndDeletes() {
        let store = makeStore(articles: [Self.article("a", url: "http://x.org/1", body: "First.")])
        store.upsert(Self.article("a", url: "http://x.org/2", body: "Second."))
        var snapshot = store.snapshot
        #expect(snapshot.duplicateArticle(url: "http://x.org/1", body: "First.") == nil)
        #expect(snapshot.duplicateArticle(url: "http://x.org/2", body: "") == "a")
        #expect(snapshot.duplicateArticle(url: nil, body: "Second.") == "a")
        store.deleteArticle(id: "a")
        snapshot = store.snapshot
        #expect(snapshot.duplicateArticle(url: "http://x.org/2", body: "Second.") == nil)
    }

    @Test func survivesARestoreAndMerges() {
        let store = makeStore(
            entities: [.make("old"), .make("new")],
            articles: [Self.article("a", url: "http://x.org/1", body: "Text.")])
        var article = Self.article("a", url: "http://x.org/1", body: "Text.")
        article.mentions = [Mention(entityId: "old", sentenceIndex: 0, start: 0, end: 1, text: "O")]
        store.upsert(article)
        store.merge(entity: "old", into: "new")
        let restored = NewsStore(restoring: store.snapshot.contents)
        for snapshot in [store.snapshot, restored.snapshot] {
            #expect(snapshot.duplicateArticle(url: "http://x.org/1/", body: "") == "a")
            #expect(snapshot.duplicateArticle(url: nil, body: "Text.") == "a")
        }
    }
}
