import Testing

@testable import NewsModel

@Suite struct StoreSnapshotEntitiesTests {
    private let store = makeStore(
        entities: [
            .make("vladimir-putin", name: "Vladimir Putin", aliases: ["Putin"]),
            .make("mahmoud-abbas", name: "Mahmoud Abbas", aliases: ["Abu Mazen"]),
            .make("russia", name: "Russia", type: .location, aliases: ["Russian Federation"]),
            .make("hamas", name: "Hamas", type: .group),
            .make("agdam", name: "Ağdam", type: .location),
        ],
        articles: [
            .make("a1", mentions: [("vladimir-putin", 0), ("mahmoud-abbas", 0), ("russia", 1), ("vladimir-putin", 1)]),
            .make("a2", published: "2024-08-14", mentions: [("mahmoud-abbas", 0), ("hamas", 0)]),
        ],
        events: [
            .make("e1", location: "russia", participants: ["vladimir-putin", "mahmoud-abbas"]),
            .make("e2", participants: ["vladimir-putin", "mahmoud-abbas"]),
        ])

    @Test func pagesInIdOrder() throws {
        let first = try store.snapshot.entities(limit: 2)
        #expect(first.items.map(\.id) == ["agdam", "hamas"])
        #expect(first.total == 5)
        let second = try store.snapshot.entities(limit: 2, cursor: first.next)
        #expect(second.items.map(\.id) == ["mahmoud-abbas", "russia"])
        let last = try store.snapshot.entities(limit: 2, cursor: second.next)
        #expect(last.items.map(\.id) == ["vladimir-putin"])
        #expect(last.next == nil)
    }

    @Test(
        arguments: [
            (nil, "putin", ["vladimir-putin"]),
            (nil, "AGDAM", ["agdam"]),
            (nil, "russian federation", ["russia"]),
            (EntityType.location, nil, ["agdam", "russia"]),
            (EntityType.person, "russia", []),
            (nil, "nobody", []),
        ] as [(EntityType?, String?, [String])])
    func filters(_ type: EntityType?, _ text: String?, expected: [String]) throws {
        let page = try store.snapshot.entities(type: type, text: text)
        #expect(page.items.map(\.id) == expected)
        #expect(page.total == expected.count)
    }

    @Test func textPagesKeepTheirFilters() throws {
        let page = try store.snapshot.entities(type: .location, limit: 1)
        #expect(throws: StoreQueryError.cursorMismatch) { try store.snapshot.entities(limit: 1, cursor: page.next) }
        #expect(try store.snapshot.entities(type: .location, limit: 1, cursor: page.next).items.map(\.id) == ["russia"])
    }

    @Test func entitiesOfAnArticleInMentionOrder() {
        #expect(store.snapshot.entities(forArticle: "a1").map(\.id) == ["vladimir-putin", "mahmoud-abbas", "russia"])
        #expect(store.snapshot.entities(forArticle: "missing").isEmpty)
    }

    @Test func relatedCountsEventsAndSentences() throws {
        let related = store.snapshot.related(to: "mahmoud-abbas")
        #expect(related.map(\.entity.id) == ["vladimir-putin", "hamas", "russia"])
        let putin = try #require(related.first)
        #expect(putin.sharedEvents == 2 && putin.sharedSentences == 1 && putin.total == 3)
        #expect(related[1].sharedEvents == 0 && related[1].sharedSentences == 1)
        #expect(related[2].sharedEvents == 1 && related[2].sharedSentences == 0)
    }
}
