import HTTPServer
import Hashing
import NewsModel
import Testing

@testable import DatelineAPI

/// Events write their own JSON: the same bytes as their `Codable` conformance gives through
/// Foundation's `JSONEncoder` (sorted keys, slashes as they are), alone, in arrays and in
/// journal records, for events with every field filled or left out and every kind of text;
/// journal records of every kind write their own JSON as well.
@Suite struct EventJSONSelfWritingTests {
    /// Text that needs every escape, and text that needs none.
    private static let pieces = [
        "Putin", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "\u{7F}", "é", "e\u{301}",
        "日本", "😀", "\u{2028}", "Novo-Ogaryovo residence on Tuesday.",
    ]

    private static let numbers: [Double] = [0, -0.0, 1, 0.9, 0.1, 1.0 / 3, 1e-7, 1e16, 1e21, 123.456, 9_007_199_254_740_993, -2.5]

    private static func text(_ random: inout SplitMix64) -> String {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    private static func number(_ random: inout SplitMix64) -> Double {
        if Bool.random(using: &random) { return numbers.randomElement(using: &random)! }
        while true {
            let value = Double(bitPattern: random.next())
            if value.isFinite { return value }
        }
    }

    private static func maybe<T>(_ random: inout SplitMix64, _ make: (inout SplitMix64) -> T) -> T? {
        Bool.random(using: &random) ? make(&random) : nil
    }

    static func event(_ random: inout SplitMix64) -> Event {
        let day = Day(ordinal: Int.random(in: -1_000...30_000, using: &random))
        let date = maybe(&random) { random in
            EventDate(
                phrase: text(&random), value: text(&random), precision: EventDate.Precision.allCases.randomElement(using: &random)!,
                modifier: maybe(&random) { EventDate.Modifier.allCases.randomElement(using: &$0)! }, earliest: day,
                latest: Day(ordinal: day.ordinal + Int.random(in: 0...400, using: &random)))
        }
        return Event(
            id: text(&random), type: EventType.allCases.randomElement(using: &random)!, summary: text(&random), date: date,
            status: EventStatus.allCases.randomElement(using: &random)!, location: maybe(&random) { text(&$0) },
            participants: (0..<Int.random(in: 0...3, using: &random)).map { _ in
                Participant(entityId: text(&random), role: Participant.Role.allCases.randomElement(using: &random)!)
            },
            figures: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                Figure(
                    kind: text(&random), value: number(&random), unit: maybe(&random) { text(&$0) },
                    qualifier: Figure.Qualifier.allCases.randomElement(using: &random)!, text: maybe(&random) { text(&$0) })
            },
            sources: (0..<Int.random(in: 0...3, using: &random)).map { _ in
                EventSource(
                    articleId: text(&random), sentenceIndex: Int.random(in: 0...500, using: &random),
                    start: Int.random(in: -5...100_000, using: &random), end: Int.random(in: 0...Int.max, using: &random),
                    quote: text(&random))
            },
            confidence: number(&random), extractorVersion: maybe(&random) { text(&$0) }, said: maybe(&random) { text(&$0) })
    }

    private func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        FoundationEncoding.expectSame(
            try CompactJSONEncoder().encode(value), try FoundationEncoding.bytes(value), sourceLocation: sourceLocation)
    }

    @Test func randomEventsAreWrittenAsTheirCodableConformanceEncodes() throws {
        var random = SplitMix64(seed: 2024_08_13)
        for _ in 0..<2_000 {
            try expectSame(Self.event(&random))
        }
    }

    @Test func eventsInArraysAndJournalRecordsToo() throws {
        var random = SplitMix64(seed: 7)
        let events = (0..<50).map { _ in Self.event(&random) }
        try expectSame(events)
        try expectSame(events.map(StoreChange.upsertEvent))
    }

    @Test func anEventsUpsertIsWrittenFromTheEventsJSON() throws {
        var random = SplitMix64(seed: 13)
        for _ in 0..<200 {
            let event = Self.event(&random)
            var json: [UInt8] = []
            StoreChange.appendJSON(upsertingEventJSON: try CompactJSONEncoder().encode(event), to: &json)
            #expect(json == (try CompactJSONEncoder().encode([StoreChange.upsertEvent(event)])))
        }
    }

    @Test func journalRecordsOfEveryKindToo() throws {
        let contents = try Application.seededForTesting().store.snapshot.contents
        let article = try #require(contents.articles.first)
        let entity = try #require(contents.entities.first)
        var random = SplitMix64(seed: 11)
        let changes: [StoreChange] = [
            .upsertArticle(article), .deleteArticle(id: article.id), .upsertEntity(entity), .deleteEntity(id: Self.text(&random)),
            .upsertEvent(Self.event(&random)), .deleteEvent(id: Self.text(&random)),
            .mergeEntity(id: Self.text(&random), into: Self.text(&random)),
        ]
        for change in changes { try expectSame(change) }
        try expectSame(changes)
    }

    @Test func aConfidenceThatIsNoNumberThrowsAsTheEncoderDoes() {
        var random = SplitMix64(seed: 1)
        var event = Self.event(&random)
        event.confidence = .infinity
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(event) }
    }
}
