import NewsModel
import Testing

@testable import Extraction

@Suite struct EventMergerTests {
    static func event(_ id: String, _ day: String, _ participants: [String], article: String) -> Event {
        Event(
            id: id, type: .consult, summary: "talks", date: .day(Day(day)!, phrase: day), status: .scheduled,
            participants: participants.map { Participant(entityId: $0, role: .participant) },
            sources: [EventSource(articleId: article, sentenceIndex: 0, start: 0, end: 5, quote: "Talks")])
    }

    @Test func addsTheSourceOfARepeatedReport() {
        let existing = Self.event("2024-08-15-consult-israel", "2024-08-15", ["israel", "hamas"], article: "a")
        let incoming = Self.event("2024-08-15-consult-hamas", "2024-08-15", ["hamas", "qatar"], article: "b")
        let (updated, added) = EventMerger.merge([incoming], into: [existing])
        #expect(added.isEmpty)
        #expect(updated.count == 1)
        #expect(updated[0].id == existing.id)
        #expect(updated[0].sources.map(\.articleId) == ["a", "b"])
        #expect(Set(updated[0].participants.map(\.entityId)) == ["israel", "hamas", "qatar"])
    }

    @Test func keepsDifferentHappeningsApart() {
        let existing = Self.event("x", "2024-08-15", ["israel"], article: "a")
        let otherDay = Self.event("x", "2024-09-20", ["israel"], article: "b")
        let otherPeople = Self.event("y", "2024-08-15", ["chile"], article: "b")
        let (updated, added) = EventMerger.merge([otherDay, otherPeople], into: [existing])
        #expect(updated.isEmpty)
        #expect(added.map(\.id) == ["x-2", "y"])
    }

    @Test func unknownHappeningsMergeOnlyWhenToldAlike() {
        func unknown(_ id: String, _ summary: String, article: String) -> Event {
            var e = Self.event(id, "2024-08-15", ["angela-merkel"], article: article)
            e.type = .unknown
            e.summary = summary
            return e
        }
        let arrived = unknown("a", "Angela Merkel arrived in Paris", article: "a")
        let (updated, added) = EventMerger.merge(
            [
                unknown("b", "Angela Merkel thanked Emmanuel Macron", article: "b"),
                unknown("c", "Angela Merkel arrived in Paris", article: "c"),
            ], into: [arrived])
        #expect(added.map(\.id) == ["b"])
        #expect(updated.map { $0.sources.map(\.articleId) } == [["a", "c"]])
    }

    @Test func mergingTheSameArticleTwiceAddsNothing() {
        let events = Fixture.seed.events
        let (updated, added) = EventMerger.merge(events, into: events)
        #expect(updated.isEmpty && added.isEmpty)
    }
}
