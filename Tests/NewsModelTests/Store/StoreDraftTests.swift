import Testing

@testable import NewsModel

@Suite struct StoreDraftTests {
    @Test func eachBatchIsOneVersionStep() {
        let store = makeStore(events: [.make("e1")])
        var draft = StoreDraft(store.snapshot)
        let base = store.snapshot.version
        let first = draft.apply([.upsertEntity(.make("putin")), .upsertEvent(.make("e2", participants: ["putin"]))])
        #expect(first.map(\.version) == [base + 1, base + 1])
        #expect(first.map(\.kind) == [.entity, .event])
        let second = draft.apply([.deleteEvent(id: "e1")])
        #expect(second == [ChangeRecord(version: base + 2, kind: .event, id: "e1", op: .deleted)])
        #expect(draft.version == base + 2)
    }

    @Test func aBatchThatChangesNothingKeepsTheVersion() {
        let store = makeStore(events: [.make("e1")])
        var draft = StoreDraft(store.snapshot)
        #expect(draft.apply([.upsertEvent(.make("e1")), .deleteArticle(id: "missing")]).isEmpty)
        #expect(draft.version == store.snapshot.version)
        #expect(draft.takeSnapshot().lastChanges.isEmpty)
    }

    @Test func aSnapshotHoldsTheChangesOfEveryVersionSinceTheLastOne() {
        let store = NewsStore()
        var draft = StoreDraft(store.snapshot)
        draft.apply([.upsertEvent(.make("e1"))])
        draft.apply([.upsertEvent(.make("e2")), .upsertEvent(.make("e3"))])
        let snapshot = draft.takeSnapshot()
        #expect(snapshot.version == 2)
        #expect(snapshot.lastChanges.map(\.version) == [1, 2, 2])
        #expect(snapshot.lastChanges.map(\.id) == ["e1", "e2", "e3"])
        draft.apply([.deleteEvent(id: "e1")])
        #expect(draft.takeSnapshot().lastChanges.map(\.id) == ["e1"])
    }

    @Test func snapshotsAndViewsDoNotChangeWithTheDraft() {
        let store = makeStore(events: [.make("e1")])
        var draft = StoreDraft(store.snapshot)
        draft.apply([.upsertEvent(.make("e2"))])
        let taken = draft.takeSnapshot()
        let view = draft.view
        draft.apply([.deleteEvent(id: "e1"), .upsertEvent(.make("e2", summary: "Changed"))])
        #expect(taken.eventCount == 2 && taken.event("e1") != nil && taken.event("e2")?.summary != "Changed")
        #expect(view.eventCount == 2 && view.version == taken.version && view.lastChanges.isEmpty)
        #expect(draft.view.eventCount == 1 && draft.view.event("e2")?.summary == "Changed")
        #expect(store.snapshot.eventCount == 1, "the snapshot the draft was made from stays as it was")
    }

    @Test func aSnapshotFindsTheWordsOfEveryVersionSinceTheLastOne() throws {
        var draft = StoreDraft(NewsStore().snapshot)
        draft.apply([.upsertEvent(.make("e1", summary: "Putin hosted Abbas"))])
        draft.apply([.upsertEvent(.make("e2", summary: "Abbas visited Agdam"))])
        draft.apply([.upsertEvent(.make("e1", summary: "Putin met Erdogan")), .deleteEvent(id: "e2")])
        draft.apply([.upsertEvent(.make("e3", summary: "Abbas hosted Erdogan in Agdam"))])
        let taken = draft.takeSnapshot()
        draft.apply([.deleteEvent(id: "e3"), .upsertEvent(.make("e4", summary: "Erdogan visited Agdam"))])
        let later = draft.takeSnapshot()

        for (snapshot, events) in [
            (taken, [Event.make("e1", summary: "Putin met Erdogan"), .make("e3", summary: "Abbas hosted Erdogan in Agdam")]),
            (later, [.make("e1", summary: "Putin met Erdogan"), .make("e4", summary: "Erdogan visited Agdam")]),
        ] {
            let written = makeStore(events: events).snapshot
            for words in ["erdogan", "abbas", "agdam", "hosted", "putin visited"] {
                #expect(snapshot.search(words) == written.search(words), "\(words)")
                let query = EventQuery(text: words)
                #expect(try snapshot.events(query).items.map(\.id) == written.events(query).items.map(\.id), "\(words)")
            }
        }
        #expect(taken.search("hosted").map(\.id) == ["e3"])
        #expect(later.search("agdam").map(\.id) == ["e4"])
    }

    @Test func aSnapshotTakenInStepsLetsWritesGoOnBetweenThem() throws {
        var draft = StoreDraft(NewsStore().snapshot)
        draft.apply([.upsertEvent(.make("e1", summary: "Putin hosted Abbas"))])
        draft.apply([.upsertEvent(.make("e2", summary: "Abbas visited Agdam"))])
        let started = draft.startSnapshot()
        draft.apply([.upsertEvent(.make("e1", summary: "Putin met Erdogan")), .upsertEvent(.make("e3", summary: "Erdogan hosted Abbas"))])
        let taken = draft.finishSnapshot(started.indexingWords())
        #expect(taken.version == 2 && taken.lastChanges.map(\.id) == ["e1", "e2"])
        #expect(taken.search("hosted").map(\.id) == ["e1"])
        #expect(taken.search("abbas").map(\.id).sorted() == ["e1", "e2"])
        #expect(try taken.events(EventQuery(text: "erdogan")).items.isEmpty)

        let later = draft.takeSnapshot()
        #expect(later.version == 3 && later.lastChanges.map(\.id) == ["e1", "e3"])
        let written = makeStore(events: [
            .make("e1", summary: "Putin met Erdogan"), .make("e2", summary: "Abbas visited Agdam"),
            .make("e3", summary: "Erdogan hosted Abbas"),
        ]).snapshot
        for words in ["erdogan", "abbas", "hosted", "putin", "agdam visited"] {
            #expect(later.search(words) == written.search(words), "\(words)")
            let query = EventQuery(text: words)
            #expect(try later.events(query).items.map(\.id) == written.events(query).items.map(\.id), "\(words)")
        }
    }

    @Test func theStorePublishesSeveralVersionsAtOnce() throws {
        let store = makeStore(events: [.make("e1")])
        let base = store.snapshot.version
        var draft = StoreDraft(store.snapshot)
        draft.apply([.upsertEvent(.make("e2"))])
        draft.apply([.upsertEvent(.make("e3"))])
        store.publish(draft.takeSnapshot())
        #expect(store.snapshot.version == base + 2 && store.snapshot.eventCount == 3)
        #expect(try #require(store.changes(since: base)).map(\.id) == ["e2", "e3"])
        #expect(try #require(store.changes(since: base + 1)).map(\.id) == ["e3"])
    }
}
