import Testing

@testable import NewsModel

@Suite struct UniqueIDsTests {
    @Test func aFreeBaseIsItsOwnID() {
        let store = makeStore(articles: [.make("other")])
        #expect(store.snapshot.uniqueID(from: "fresh", for: .article) == "fresh")
        #expect(store.snapshot.uniqueID(from: "other", for: .event) == "other")
    }

    @Test func idsOnOneBaseAreUniqueAndCounted() {
        let store = NewsStore()
        var made: [String] = []
        for _ in 0..<500 {
            let id = store.snapshot.uniqueID(from: "2024-08-13-consult-putin", for: .event)
            made.append(id)
            store.upsert(Event.make(id))
        }
        #expect(Set(made).count == 500)
        #expect(made.prefix(3) == ["2024-08-13-consult-putin", "2024-08-13-consult-putin-2", "2024-08-13-consult-putin-3"])
        #expect(made.last == "2024-08-13-consult-putin-500")
    }

    /// The next id comes from the counter, not from probing `base-2`, `base-3`, ...: a gap that
    /// a delete leaves is not searched for, and the pick is one lookup.
    @Test func theCounterDoesNotProbeGaps() {
        let store = makeStore(events: [.make("x"), .make("x-2"), .make("x-3"), .make("x-40")])
        store.deleteEvent(id: "x-2")
        #expect(store.snapshot.uniqueID(from: "x", for: .event) == "x-41")
        store.deleteEvent(id: "x-40")
        #expect(store.snapshot.uniqueID(from: "x", for: .event) == "x-41")
        store.deleteEvent(id: "x")
        #expect(store.snapshot.uniqueID(from: "x", for: .event) == "x")
    }

    @Test func countersSurviveARestore() {
        let store = makeStore(articles: [.make("a"), .make("a-9")])
        let restored = NewsStore(restoring: store.snapshot.contents)
        #expect(restored.snapshot.uniqueID(from: "a", for: .article) == "a-10")
    }

    @Test func oneBatchGetsDistinctIDs() {
        let store = makeStore(events: [.make("e"), .make("e-2")])
        var ids = UniqueIDs(in: store.snapshot, for: .event)
        #expect(ids.make(from: "e") == "e-3")
        #expect(ids.make(from: "e") == "e-4")
        #expect(ids.claim("f") == "f")
        #expect(ids.claim("f") == "f-2")
        #expect(ids.claim("e-2") == "e-5")
        #expect(ids.claim("e-9") == "e-9")
        #expect(ids.make(from: "e") == "e-10")
    }

    @Test func kindsCountApart() {
        let store = makeStore(entities: [.make("n"), .make("n-4")], articles: [.make("n")])
        #expect(store.snapshot.uniqueID(from: "n", for: .article) == "n-2")
        #expect(store.snapshot.uniqueID(from: "n", for: .entity) == "n-5")
        #expect(store.snapshot.uniqueID(from: "n", for: .event) == "n")
    }
}
