import Testing

@testable import NewsModel

@Suite struct StoreSnapshotSearchTests {
    private let store = makeStore(
        entities: [
            .make("vladimir-putin", name: "Vladimir Putin", aliases: ["Putin"]),
            .make("putin-street", name: "Putin Street Market Square", type: .location),
            .make("agdam", name: "Ağdam", type: .location),
        ],
        articles: [.make("a1", title: "What Did Putin Discuss with Mahmoud Abbas?")],
        events: [
            .make(
                "e1", summary: "Putin hosted Abbas",
                sources: [
                    .make(
                        "a1",
                        quote: String(repeating: "Long preamble words here. ", count: 10)
                            + "Putin hosted Abbas at Novo-Ogaryovo on Tuesday, the Kremlin said.")
                ]),
            .make("e2", summary: "Abbas visited Agdam"),
        ])

    @Test func exactNameRanksFirst() throws {
        let hits = store.snapshot.search("Putin")
        #expect(hits.first?.kind == .entity)
        #expect(hits.first?.id == "vladimir-putin")
        #expect(Set(hits.map(\.id)) == ["vladimir-putin", "putin-street", "a1", "e1"])
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
    }

    @Test func foldsDiacritics() {
        #expect(store.snapshot.search("agdam").map(\.id) == ["agdam", "e2"])
        #expect(store.snapshot.search("AĞDAM").first?.label == "Ağdam")
    }

    @Test func completeMatchesComeBeforePartial() {
        let hits = store.snapshot.search("abbas novo ogaryovo")
        #expect(hits.first?.id == "e1")
        #expect(hits.contains { $0.id == "e2" })
    }

    @Test func snippetWindowsTheMatch() throws {
        let hit = try #require(store.snapshot.search("Kremlin").first)
        #expect(hit.id == "e1")
        #expect(hit.snippet.hasPrefix("…"))
        #expect(hit.snippet.contains("Kremlin"))
        #expect(hit.snippet.unicodeScalars.count <= 122)
        #expect(hit.label == "Putin hosted Abbas")
    }

    @Test func limitsAndIgnoresStopwords() {
        #expect(store.snapshot.search("Putin", limit: 2).count == 2)
        #expect(store.snapshot.search("the of and").isEmpty)
        #expect(store.snapshot.search("").isEmpty)
    }

    @Test func forgetsDeletedItems() {
        let store = makeStore(events: [.make("e1", summary: "Ceasefire talks")])
        store.deleteEvent(id: "e1")
        #expect(store.snapshot.search("ceasefire").isEmpty)
    }
}
