import Hashing
import Testing

@testable import NewsModel

/// Loading events in one step leaves every event index as writing them one at a time does.
@Suite struct StoreWriterLoadingTests {
    /// Seeded events over few days, entities, places and articles, so that lists are shared
    /// and out of date order; some undated, some with quotes that repeat.
    static func events(_ count: Int, seed: UInt64 = 7) -> [Event] {
        var random = SplitMix64(seed: seed)
        let words = ["talks", "ceasefire", "Gaza", "Moscow", "summit", "sanctions", "Abbas", "Putin", "the", "and"]
        let types: [EventType] = [.consult, .statement, .fight, .election]
        let statuses: [EventStatus] = [.occurred, .ongoing, .scheduled]
        return (0..<count).map { index in
            let text = (0..<(1 + random.int(8))).map { _ in words[random.int(words.count)] }.joined(separator: " ")
            let day = random.int(5) == 0 ? nil : EventDate.on("2024-08-\(10 + random.int(9))")
            let quote = random.int(3) == 0 ? "The same wire copy." : "Quote \(index): \(text)."
            return Event.make(
                "event-\(index)", type: types[random.int(types.count)], summary: "\(text) \(index)", date: day,
                status: statuses[random.int(statuses.count)], location: random.int(2) == 0 ? "place-\(random.int(4))" : nil,
                participants: (0..<random.int(4)).map { _ in "entity-\(random.int(12))" },
                sources: (0..<(1 + random.int(3))).map { _ in EventSource.make("article-\(random.int(6))", quote: quote) })
        }
    }

    static func oneByOne(_ events: [Event]) -> StoreState {
        var writer = StoreWriter(state: StoreState())
        for event in events { writer.upsertEvent(event) }
        return writer.state
    }

    static func loaded(_ events: [Event]) -> StoreState {
        var writer = StoreWriter(state: StoreState())
        writer.load(events)
        return writer.state
    }

    @Test func loadingBuildsWhatWritingOneByOneBuilds() {
        let events = Self.events(2_000)
        var writer = StoreWriter(state: StoreState())
        writer.load(events)
        #expect(writer.takeRecords().isEmpty)
        expectSameEventIndexes(writer.state, Self.oneByOne(events), events: events)
    }

    /// Two events with one id: the later replaces the earlier, as when written one by one.
    @Test func aRepeatedIdIsWrittenOneByOne() {
        var events = Self.events(50)
        events.append(Event.make("event-3", type: .fight, summary: "Replaced", date: .on("2024-09-01")))
        let loaded = Self.loaded(events)
        expectSameEventIndexes(loaded, Self.oneByOne(events), events: events)
        #expect(loaded.events["event-3"]?.summary == "Replaced" && loaded.events.count == 50)
    }

    @Test func loadingIntoAStateWithEventsAddsToIt() {
        let events = Self.events(300)
        var writer = StoreWriter(state: StoreState())
        for event in events[..<100] { writer.upsertEvent(event) }
        writer.load(Array(events[100...]))
        expectSameEventIndexes(writer.state, Self.oneByOne(events), events: events)
    }

    private func expectSameEventIndexes(_ state: StoreState, _ expected: StoreState, events: [Event]) {
        #expect(state.events.count == expected.events.count)
        for event in events {
            #expect(state.events.serial(for: event.id) == expected.events.serial(for: event.id))
            #expect(state.events[event.id] == expected.events[event.id])
        }
        #expect(state.eventMeta.count == expected.eventMeta.count)
        for serial in 0..<expected.eventMeta.count {
            let (meta, wanted) = (state.eventMeta[serial], expected.eventMeta[serial])
            #expect(meta.earliest == wanted.earliest && meta.latest == wanted.latest)
            #expect(meta.type == wanted.type && meta.status == wanted.status)
        }
        #expect(state.maxEventSpan == expected.maxEventSpan)
        #expect(state.eventsByDate.elements == expected.eventsByDate.elements)
        for (lists, wanted) in [
            (state.eventsByEntity, expected.eventsByEntity), (state.eventsByLocation, expected.eventsByLocation),
            (state.eventsByArticle, expected.eventsByArticle),
        ] {
            #expect(lists.count == wanted.count)
            wanted.forEach { key, list in #expect(lists[key]?.elements == list.elements, "\(key)") }
        }
        #expect(state.eventsByType.mapValues(\.elements) == expected.eventsByType.mapValues(\.elements))
        #expect(state.eventsByStatus.mapValues(\.elements) == expected.eventsByStatus.mapValues(\.elements))
        #expect(state.eventText.documentCount == expected.eventText.documentCount)
        #expect(state.eventText.totalLength == expected.eventText.totalLength)
        let terms = Set(events.flatMap { IndexedTerms(StoreWriter.texts(of: $0)).terms })
        for term in terms {
            let (postings, wanted) = (state.eventText.postings(for: term), expected.eventText.postings(for: term))
            #expect(postings?.elements.map(\.ref) == wanted?.elements.map(\.ref), "\(term)")
            #expect(postings?.elements.map(\.length) == wanted?.elements.map(\.length), "\(term)")
        }
        for id in ["event-1", "event-1-2", "event"] {
            #expect(state.eventIDs.nextSuffix(for: id) == expected.eventIDs.nextSuffix(for: id))
        }
    }
}
