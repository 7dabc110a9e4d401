import Dispatch
import Locking
import Testing

@testable import NewsModel

@Suite struct NewsStoreTests {
    @Test func aReaderAsksForASnapshotOfWhatIsDurableAndWaitsForIt() {
        let store = NewsStore()
        var draft = StoreDraft(store.snapshot)
        draft.apply([.upsertEntity(.make("putin"))])
        let pending = draft.takeSnapshot()
        let asked = Locked(0)
        store.makeSnapshots { [weak store] in
            guard let store else { return }
            asked.withLock { $0 += 1 }
            DispatchQueue.global().async { store.publish(pending) }
        }
        store.markDurable(through: pending.version)
        #expect(store.lastPublished.version == 0, "nothing published yet")
        #expect(store.snapshot === pending)
        #expect(store.snapshot.entity("putin") != nil)
        #expect(asked.withLock { $0 } == 1, "a snapshot that is current is not asked for again")
    }

    @Test func readersSettleOnTheLastPublishedWhenTheWriterCanPublishNoMore() {
        let store = NewsStore()
        let before = store.snapshot
        store.makeSnapshots { [weak store] in
            guard let store else { return }
            DispatchQueue.global().async { store.settleOnLastPublished() }
        }
        store.markDurable(through: 3)
        #expect(store.snapshot === before)
    }

    @Test func batchIsOneVersionStep() {
        let store = NewsStore()
        #expect(store.snapshot.version == 0)
        let next = store.apply([
            .upsertEntity(.make("putin")), .upsertArticle(.make("a1")), .upsertEvent(.make("e1", participants: ["putin"])),
        ])
        #expect(next.version == 1)
        #expect(store.snapshot === next)
        #expect(next.lastChanges.map(\.version) == [1, 1, 1])
        #expect(next.lastChanges.map(\.kind) == [.entity, .article, .event])
        #expect(next.lastChanges.allSatisfy { $0.op == .created })
    }

    @Test func anEventChangedInPlaceIsFoundByWhatItHasNow() {
        let store = makeStore(events: [
            .make("e1", participants: ["putin", "abbas"], sources: [.make("a1", quote: "Putin hosted Abbas at Novo-Ogaryovo.")])
        ])
        let before = store.snapshot
        // A merge: another article's source, a participant in and one out, same date and type.
        store.upsert(
            Event.make(
                "e1", participants: ["putin", "erdogan"],
                sources: [
                    .make("a2", quote: "Erdogan joined the talks in Moscow."), .make("a3", quote: "Erdogan joined the talks in Moscow."),
                ]))
        let after = store.snapshot
        #expect(after.events(forEntity: "erdogan").map(\.id) == ["e1"])
        #expect(after.events(forEntity: "abbas").isEmpty)
        #expect(after.events(forEntity: "putin").map(\.id) == ["e1"])
        #expect(after.events(forArticle: "a1").isEmpty)
        #expect(after.events(forArticle: "a3").map(\.id) == ["e1"])
        #expect(after.search("Erdogan").map(\.id).contains("e1"))
        #expect(!after.search("Novo-Ogaryovo").map(\.id).contains("e1"))
        // The snapshot taken before still finds it as it was.
        #expect(before.events(forEntity: "abbas").map(\.id) == ["e1"])
        #expect(before.search("Novo-Ogaryovo").map(\.id).contains("e1"))
    }

    @Test func oldSnapshotsDoNotChange() {
        let store = makeStore(events: [.make("e1")])
        let before = store.snapshot
        store.upsert(Event.make("e2"))
        store.deleteEvent(id: "e1")
        #expect(before.eventCount == 1 && before.event("e1") != nil && before.event("e2") == nil)
        #expect(store.snapshot.eventCount == 1 && store.snapshot.event("e2") != nil)
        #expect(store.snapshot.version == before.version + 2)
    }

    @Test func noChangeKeepsTheVersion() {
        let store = makeStore(events: [.make("e1")])
        let version = store.snapshot.version
        store.upsert(Event.make("e1"))
        store.deleteArticle(id: "missing")
        store.merge(entity: "x", into: "y")
        #expect(store.snapshot.version == version)
    }

    @Test func recordsUpdatesAndTheFeed() throws {
        let store = makeStore(events: [.make("e1")])
        store.upsert(Event.make("e1", summary: "Changed"))
        store.deleteEvent(id: "e1")
        let changes = try #require(store.changes(since: 1))
        #expect(changes.map(\.op) == [.updated, .deleted])
        #expect(changes.map(\.version) == [2, 3])
        #expect(store.changes(since: 3) == [])
    }

    @Test func feedForgetsBeyondCapacity() {
        let store = NewsStore(changeLogCapacity: 2)
        for index in 0..<3 { store.upsert(Event.make("e\(index)")) }
        #expect(store.changes(since: 0) == nil)
        #expect(store.changes(since: 1)?.count == 2)
    }

    @Test func deletingAnArticleDropsItsSourcesAndOrphanedEvents() {
        let store = makeStore(
            articles: [.make("a1"), .make("a2")],
            events: [
                .make("only-a1", participants: ["x"], sources: [.make("a1")]),
                .make("both", sources: [.make("a1"), .make("a2", sentence: 3)]),
                .make("unsourced"),
            ])
        let snapshot = store.deleteArticle(id: "a1")
        #expect(snapshot.article("a1") == nil)
        #expect(snapshot.event("only-a1") == nil)
        #expect(snapshot.event("both")?.sources.map(\.articleId) == ["a2"])
        #expect(snapshot.event("unsourced") != nil)
        #expect(snapshot.events(forEntity: "x").isEmpty)
        #expect(snapshot.events(forArticle: "a1").isEmpty)
        #expect(Set(snapshot.lastChanges.map { "\($0.id):\($0.op)" }) == ["a1:deleted", "only-a1:deleted", "both:updated"])
    }

    @Test func mergeMovesReferencesAndRedirects() throws {
        let store = makeStore(
            entities: [.make("putin", name: "Vladimir Putin"), .make("v-putin", name: "V. Putin", aliases: ["Putin"]), .make("abbas")],
            articles: [.make("a1", mentions: [("v-putin", 0), ("abbas", 0)])],
            events: [.make("e1", location: "v-putin", participants: ["v-putin", "putin", "abbas"])])
        let snapshot = store.merge(entity: "v-putin", into: "putin")
        #expect(snapshot.entity("v-putin") == nil)
        #expect(snapshot.redirect(for: "v-putin") == "putin")
        let putin = try #require(snapshot.entity("putin"))
        #expect(putin.aliases == ["V. Putin", "Putin"])
        #expect(putin.articleIds == ["a1"] && putin.mentionCount == 1)
        let event = try #require(snapshot.event("e1"))
        #expect(event.participants.map(\.entityId) == ["putin", "abbas"])
        #expect(event.location == "putin")
        #expect(snapshot.events(forEntity: "putin").map(\.id) == ["e1"])
        #expect(snapshot.events(forEntity: "v-putin").map(\.id) == ["e1"], "old ids follow the redirect")
        #expect(
            snapshot.lastChanges.last
                == ChangeRecord(version: snapshot.version, kind: .entity, id: "v-putin", op: .merged, mergedInto: "putin"))
        #expect(try snapshot.entities(text: "Putin").items.map(\.id) == ["putin"])
    }

    @Test func mergeMakesTheSurvivorTheEditors() {
        var machineMade = Entity.make("putin", name: "Vladimir Putin")
        machineMade.extractorVersion = "dateline-extract-1.1"
        let store = makeStore(entities: [machineMade, .make("v-putin", name: "V. Putin")])
        let snapshot = store.merge(entity: "v-putin", into: "putin")
        #expect(snapshot.entity("putin")?.extractorVersion == nil)
    }

    @Test func mergeChainsRedirects() {
        let store = makeStore(entities: [.make("a"), .make("b"), .make("c")])
        store.merge(entity: "a", into: "b")
        let snapshot = store.merge(entity: "b", into: "c")
        #expect(snapshot.redirect(for: "a") == "c")
        #expect(snapshot.redirect(for: "b") == "c")
    }

    @Test func deletingAnEntityDropsItsReferences() {
        let store = makeStore(
            entities: [.make("x"), .make("y")],
            articles: [.make("a1", mentions: [("x", 0), ("y", 0)])],
            events: [.make("e1", location: "x", participants: ["x", "y"])])
        let snapshot = store.deleteEntity(id: "x")
        #expect(snapshot.event("e1")?.participants.map(\.entityId) == ["y"])
        #expect(snapshot.event("e1")?.location == nil)
        #expect(snapshot.article("a1")?.mentions.map(\.entityId) == ["y"])
        #expect(snapshot.events(forEntity: "x").isEmpty)
    }

    @Test func entityMentionFieldsAreDerived() {
        let store = makeStore(
            entities: [.make("x")], articles: [.make("a2", mentions: [("x", 0), ("x", 1)]), .make("a1", mentions: [("x", 2)])])
        let entity = store.snapshot.entity("x")
        #expect(entity?.articleIds == ["a1", "a2"])
        #expect(entity?.mentionCount == 3)
    }

    @Test func readersRunWhileWritersWrite() async {
        let store = NewsStore()
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for index in 0..<200 { store.upsert(Event.make("w\(writer)-\(index)", date: .on("2024-06-01"))) }
                }
            }
            group.addTask {
                var last: UInt64 = 0
                for _ in 0..<500 {
                    let snapshot = store.snapshot
                    #expect(snapshot.version >= last)
                    last = snapshot.version
                    #expect((try? snapshot.events(EventQuery(limit: 5)).total) == snapshot.eventCount)
                }
            }
        }
        #expect(store.snapshot.eventCount == 800)
        #expect(store.snapshot.version == 800)
    }
}
