import Testing

@testable import NewsModel

@Suite struct StoreWriterEventsTests {
    /// An event that names an entity twice (once as its location too) and cites an article twice.
    static let repeating = Event.make(
        "e1", summary: "Talks in Moscow", date: .on("2024-08-13"), location: "moscow",
        participants: ["putin", "abbas", "putin", "moscow"],
        sources: [EventSource.make("a1", quote: "Same wire copy."), EventSource.make("a1", quote: "Same wire copy.")])

    @Test func anEventIsListedOnceUnderEachEntityAndArticleItNames() {
        var writer = StoreWriter(state: StoreState())
        writer.upsertEvent(Self.repeating)
        let key = [SortKey(event: Self.repeating, serial: 0)]
        for id in ["putin", "abbas", "moscow"] { #expect(writer.state.eventsByEntity[id]?.elements == key, "\(id)") }
        #expect(writer.state.eventsByEntity.count == 3)
        #expect(writer.state.eventsByArticle["a1"]?.elements == key && writer.state.eventsByArticle.count == 1)
        #expect(StoreWriter.texts(of: Self.repeating) == ["Talks in Moscow", "Same wire copy."])
    }

    @Test func deletingAnEventLeavesNothingUnderWhatItNamed() {
        var writer = StoreWriter(state: StoreState())
        writer.upsertEvent(Self.repeating)
        writer.deleteEvent(id: "e1")
        #expect(writer.state.eventsByEntity.isEmpty && writer.state.eventsByLocation.isEmpty)
        #expect(writer.state.eventsByArticle.isEmpty && writer.state.eventsByDate.isEmpty)
        #expect(writer.state.eventText.documentCount == 0 && writer.state.eventText.postings(for: "moscow") == nil)
    }
}
