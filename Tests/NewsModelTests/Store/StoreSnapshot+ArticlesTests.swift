import Testing

@testable import NewsModel

@Suite struct StoreSnapshotArticlesTests {
    @Test func pagesNewestFirst() throws {
        let store = makeStore(articles: [
            .make("old", published: "2024-01-01"), .make("new", published: "2024-03-01"),
            .make("mid", published: "2024-02-01"), .make("mid2", published: "2024-02-01"),
        ])
        let first = try store.snapshot.articles(limit: 2)
        #expect(first.items.map(\.id) == ["new", "mid2"])
        #expect(first.total == 4)
        store.deleteArticle(id: "mid2")
        store.upsert(Article.make("newest", published: "2024-04-01"))
        let second = try store.snapshot.articles(limit: 2, cursor: first.next)
        #expect(second.items.map(\.id) == ["mid", "old"])
        #expect(second.next == nil)
    }

    @Test func articlesOfAnEntity() {
        let store = makeStore(articles: [
            .make("a1", published: "2024-01-01", mentions: [("x", 0)]),
            .make("a2", published: "2024-05-01", mentions: [("x", 0), ("y", 1)]),
            .make("a3", mentions: [("y", 0)]),
        ])
        #expect(store.snapshot.articles(forEntity: "x").map(\.id) == ["a2", "a1"])
        #expect(store.snapshot.article("a3")?.title == "Article a3")
    }
}
