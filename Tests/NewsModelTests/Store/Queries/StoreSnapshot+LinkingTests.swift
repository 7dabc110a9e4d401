import Testing

@testable import NewsModel

@Suite struct StoreSnapshotLinkingTests {
    static let entities: [Entity] = [
        .make("vladimir-putin", name: "Vladimir Putin", aliases: ["President Putin"]),
        .make("united-nations", name: "United Nations", type: .organization),
        .make("zarnian-supreme-court", name: "Zarnian Supreme Court", type: .organization),
        .make("ursula-von-der-leyen", name: "Ursula von der Leyen"),
        .make("agdam", name: "Ağdam", type: .location),
        .make("unrelated", name: "Somebody Else"),
    ]

    static func linked(_ text: String, in store: NewsStore) -> [String] {
        store.snapshot.entities(nameableIn: [text]).map(\.id)
    }

    @Test(arguments: [
        ("Vladimir Putin spoke.", ["vladimir-putin"]),
        ("Putin spoke.", ["vladimir-putin"]),
        ("Vladimir said so.", ["vladimir-putin"]),
        ("The president putin met them.", ["vladimir-putin"]),
        ("The UN met.", ["united-nations"]),
        ("The U.N. met.", ["united-nations"]),
        ("The Supreme Court ruled.", ["zarnian-supreme-court"]),
        ("The ZSC ruled.", ["zarnian-supreme-court"]),
        ("In Agdam, Ursula von der Leyen spoke.", ["agdam", "ursula-von-der-leyen"]),
        ("Nobody here.", []),
    ])
    func findsWhatTheLinkerCanMatch(text: String, ids: [String]) {
        #expect(Self.linked(text, in: makeStore(entities: Self.entities)) == ids)
    }

    @Test func followsUpdatesDeletesAndMerges() {
        let store = makeStore(entities: Self.entities)
        store.upsert(Entity.make("vladimir-putin", name: "V. Putin"))
        #expect(Self.linked("Vladimir spoke.", in: store).isEmpty)
        #expect(Self.linked("V. Putin spoke.", in: store) == ["vladimir-putin"])
        #expect(Self.linked("Vladimir Putin spoke.", in: store) == ["vladimir-putin"])
        store.merge(entity: "unrelated", into: "vladimir-putin")
        #expect(Self.linked("Somebody Else spoke.", in: store) == ["vladimir-putin"])
        store.deleteEntity(id: "vladimir-putin")
        #expect(Self.linked("Somebody Else and Putin spoke.", in: store).isEmpty)
        let restored = NewsStore(restoring: store.snapshot.contents)
        #expect(Self.linked("The UN and Ağdam.", in: restored) == ["agdam", "united-nations"])
    }

    @Test func givesEntitiesAsStored() throws {
        let store = makeStore(entities: Self.entities, articles: [.make("a1", mentions: [("vladimir-putin", 0)])])
        let putin = try #require(store.snapshot.entities(nameableIn: ["Putin"]).first)
        #expect(putin.mentionCount == 0 && putin.articleIds.isEmpty)
    }
}
