import Extraction
import NewsModel
import Testing

@testable import DatelineAPI

/// The replace rules on a small store built in code: two articles read by an older extractor,
/// the items it made, and items an editor wrote through the API beside them.
@Suite struct ReextractionPlanTests {
    static let old = "dateline-extract-1.1"
    static let current = Extractor.version

    static func stamped<T>(_ item: T, _ version: String?, _ path: WritableKeyPath<T, String?>) -> T {
        var item = item
        item[keyPath: path] = version
        return item
    }

    static let articleA = Article.make(
        "talks-in-moscow", published: "2024-08-13",
        sentences: ["Vladimir Putin hosted Mahmoud Abbas in Moscow.", "Monday Talks went on."],
        mentions: [
            ("vladimir-putin", 0, "Vladimir Putin"), ("mahmoud-abbas", 0, "Mahmoud Abbas"),
            ("monday-talks", 1, "Monday Talks"),
        ])
    static let articleB = Article.make(
        "abbas-in-moscow", published: "2024-08-14",
        sentences: ["Abbas met Putin in Moscow."],
        mentions: [("mahmoud-abbas", 0, "Abbas"), ("vladimir-putin", 0, "Putin")])

    /// Putin and Monday Talks are the old extractor's; Abbas is the editor's.
    static let putin = Entity(id: "vladimir-putin", name: "Vladimir Putin", type: .organization, extractorVersion: old)
    static let mondayTalks = Entity(id: "monday-talks", name: "Monday Talks", type: .organization, extractorVersion: old)
    static let abbas = Entity(id: "mahmoud-abbas", name: "Mahmoud Abbas", type: .person, aliases: ["Abu Mazen"])

    static func event(_ id: String, _ version: String?, sources: [String], participants: [String] = ["vladimir-putin"]) -> Event {
        var event = Event.make(
            id, .consult, "Vladimir Putin hosted Mahmoud Abbas", date: .on("2024-08-13", phrase: "on Tuesday"),
            participants: participants.map { ($0, .participant) })
        event.sources = sources.map { EventSource(articleId: $0, sentenceIndex: 0, start: 0, end: 10, quote: "Vladimir P") }
        event.extractorVersion = version
        return event
    }

    /// Only A's: replaced. A's and B's: kept until B is re-extracted. The editor's: never touched.
    static let onlyA = event("putin-hosts-abbas", old, sources: ["talks-in-moscow"], participants: ["vladimir-putin", "monday-talks"])
    static let shared = event("putin-meets-abbas", old, sources: ["talks-in-moscow", "abbas-in-moscow"])
    static let edited = event("editors-meeting", nil, sources: ["talks-in-moscow"], participants: ["mahmoud-abbas"])

    static func store() -> NewsStore {
        let store = NewsStore()
        store.apply(
            [putin, mondayTalks, abbas].map(StoreChange.upsertEntity)
                + [articleA, articleB].map(StoreChange.upsertArticle)
                + [onlyA, shared, edited].map(StoreChange.upsertEvent))
        return store
    }

    /// What the current extractor finds in A: Putin as a person, Abbas linked to the editor's
    /// entity, no Monday Talks, and the meeting again (under its old id and under the editor's).
    static func resultA() -> ExtractionResult {
        var article = articleA
        article.mentions.removeLast()
        article.extractorVersion = current
        let newPutin = Entity(id: "vladimir-putin", name: "Vladimir Putin", type: .person, aliases: ["Putin"], extractorVersion: current)
        var again = event("putin-hosts-abbas", current, sources: ["talks-in-moscow"], participants: ["vladimir-putin", "mahmoud-abbas"])
        again.confidence = 0.9
        var other = event("editors-meeting", current, sources: ["talks-in-moscow"], participants: ["vladimir-putin"])
        other.type = .statement
        return ExtractionResult(article: article, entities: [newPutin, abbas], events: [again, other])
    }

    static func resultB() -> ExtractionResult {
        var article = articleB
        article.extractorVersion = current
        let newPutin = Entity(id: "vladimir-putin", name: "Vladimir Putin", type: .person, aliases: ["Putin"], extractorVersion: current)
        let meeting = event("putin-meets-abbas", current, sources: ["abbas-in-moscow"], participants: ["vladimir-putin", "mahmoud-abbas"])
        return ExtractionResult(article: article, entities: [abbas, newPutin], events: [meeting])
    }

    @discardableResult
    static func reextract(_ id: String, _ result: ExtractionResult, in store: NewsStore) -> ReextractionPlan {
        let plan = ReextractionPlan.make(for: store.snapshot.article(id)!, result: result, in: store.snapshot, current: current)
        store.apply(plan.changes)
        return plan
    }

    @Test func olderVersionItemsAreReplaced() {
        let store = Self.store()
        let plan = Self.reextract("talks-in-moscow", Self.resultA(), in: store)
        let snapshot = store.snapshot
        #expect(snapshot.article("talks-in-moscow")?.extractorVersion == Self.current)
        #expect(snapshot.article("talks-in-moscow")?.mentions.map(\.entityId) == ["vladimir-putin", "mahmoud-abbas"])
        #expect(snapshot.entity("vladimir-putin")?.type == .person)
        #expect(snapshot.entity("vladimir-putin")?.extractorVersion == Self.current)
        #expect(snapshot.entity("monday-talks") == nil, "no longer found and named by nothing else")
        #expect(snapshot.event("putin-hosts-abbas")?.extractorVersion == Self.current)
        #expect(snapshot.event("putin-hosts-abbas")?.confidence == 0.9)
        #expect(plan.counts.eventsReplaced == 1)
        #expect(plan.counts.entitiesReplaced == 2)
        #expect(plan.counts.entitiesCreated == 0)
    }

    @Test func apiWrittenItemsAreNeverTouched() {
        let store = Self.store()
        Self.reextract("talks-in-moscow", Self.resultA(), in: store)
        let snapshot = store.snapshot
        #expect(snapshot.event("editors-meeting") == Self.edited)
        #expect(snapshot.entity("mahmoud-abbas")?.aliases == ["Abu Mazen"])
        #expect(snapshot.entity("mahmoud-abbas")?.extractorVersion == nil)
        #expect(snapshot.event("editors-meeting-2")?.type == .statement, "a new event taking the editor's id is renamed")
    }

    @Test func eventsFromSeveralArticlesWaitForAllOfThem() {
        let store = Self.store()
        Self.reextract("talks-in-moscow", Self.resultA(), in: store)
        #expect(store.snapshot.event("putin-meets-abbas") == Self.shared, "B is not re-extracted yet")
        #expect(ReextractionPlan.needsReextraction(store.snapshot.article("abbas-in-moscow")!, in: store.snapshot, current: Self.current))

        let plan = Self.reextract("abbas-in-moscow", Self.resultB(), in: store)
        #expect(plan.counts.eventsReplaced == 1)
        let meeting = store.snapshot.event("putin-hosts-abbas")
        #expect(store.snapshot.event("putin-meets-abbas") == nil)
        #expect(
            Set(meeting?.sources.map(\.articleId) ?? []) == ["talks-in-moscow", "abbas-in-moscow"],
            "B's report folds into the current event of the same happening")
    }

    @Test func currentVersionIsUntouchedAndAgainIsNothing() {
        let store = Self.store()
        Self.reextract("talks-in-moscow", Self.resultA(), in: store)
        Self.reextract("abbas-in-moscow", Self.resultB(), in: store)
        let snapshot = store.snapshot
        for id in ["talks-in-moscow", "abbas-in-moscow"] {
            #expect(!ReextractionPlan.needsReextraction(snapshot.article(id)!, in: snapshot, current: Self.current))
        }
        let again = ReextractionPlan.make(
            for: snapshot.article("talks-in-moscow")!, result: Self.resultA(), in: snapshot,
            current: Self.current)
        #expect(again.changes.isEmpty)
        #expect(again.counts == ReextractionCounts())
    }

    @Test func mergedIDsAreReadAsTheirSurvivor() {
        let store = Self.store()
        store.apply([
            .upsertEntity(Entity(id: "putin", name: "Putin", type: .person, extractorVersion: Self.old)),
            .mergeEntity(id: "putin", into: "mahmoud-abbas"),
        ])
        var result = Self.resultA()
        result.entities.append(Entity(id: "putin", name: "Putin", type: .person, extractorVersion: Self.current))
        result.article.mentions[0].entityId = "putin"
        let plan = Self.reextract("talks-in-moscow", result, in: store)
        #expect(store.snapshot.entity("putin") == nil)
        #expect(store.snapshot.article("talks-in-moscow")?.mentions.first?.entityId == "mahmoud-abbas")
        #expect(!plan.changes.contains { if case .upsertEntity(let entity) = $0 { entity.id == "mahmoud-abbas" } else { false } })
    }
}
