import NewsModel
import Testing

@testable import Extraction

/// The seed article's events.
@Suite struct EventExtractorTests {
    static let events = Fixture.seed.events
    static let body = Fixture.seed.article.body

    static func event(_ type: EventType, _ value: String) -> Event? {
        events.first { $0.type == type && $0.date?.value == value }
    }

    static func role(_ e: Event?, _ id: String) -> Participant.Role? {
        e?.participants.first { $0.entityId == id }?.role
    }

    @Test func putinHostsAbbasOnTuesday() throws {
        let e = try #require(Self.event(.consult, "2024-08-13"))
        #expect(e.date?.precision == .day)
        #expect(e.date?.phrase == "on Tuesday")
        #expect(e.status == .occurred)
        #expect(e.location == "novo-ogaryovo")
        #expect(Self.role(e, "vladimir-putin") == .host)
        #expect(Self.role(e, "mahmoud-abbas") == .guest)
        #expect(e.extractorVersion == Extractor.version)
    }

    @Test func hamasAttackOnOctober7() throws {
        let e = try #require(Self.event(.assault, "2023-10-07"))
        #expect(Self.role(e, "hamas") == .actor)
        #expect(Self.role(e, "israel") == .target)
        #expect(e.status == .occurred)
        let conflict = try #require(Self.event(.fight, "2023-10-07"))
        #expect(conflict.status == .ongoing)
        #expect(conflict.date?.modifier == .since)
    }

    @Test func scheduledTalksInDohaWithMediators() throws {
        let e = try #require(Self.event(.consult, "2024-08-15"))
        #expect(e.status == .scheduled)
        #expect(e.location == "doha")
        #expect(Self.role(e, "israel") == .participant)
        #expect(Self.role(e, "hamas") == .participant)
        for id in ["united-states", "qatar", "egypt"] { #expect(Self.role(e, id) == .mediator) }
        #expect(e.sources.count >= 2)
        #expect(Self.events.filter { $0.type == .consult && $0.date?.value == "2024-08-15" }.count == 1)
    }

    @Test func otherDatedHappenings() throws {
        let aid = try #require(Self.event(.aid, "2023-10"))
        #expect(aid.date?.modifier == .since)
        #expect(Self.role(aid, "russia") == .actor)
        #expect(aid.figures.contains(Figure(kind: "aid", value: 700, unit: "tons", qualifier: .atLeast, text: "over 700 tons")))
        let blocking = try #require(Self.event(.reject, "2024-06"))
        #expect(blocking.date?.modifier == .until)
        #expect(Self.role(blocking, "united-states") == .actor)
        #expect(Self.event(.massViolence, "1948")?.date?.precision == .year)
        #expect(Self.event(.massViolence, "1967") != nil)
        let sochi = try #require(Self.event(.consult, "2021-11"))
        #expect(sochi.location == "sochi")
        #expect(sochi.date?.modifier == nil)
        #expect(Self.role(sochi, "vladimir-putin") == .participant)
        let strike = try #require(Self.event(.fight, "2024-08-10"))
        #expect(Self.role(strike, "israel") == .actor)
        #expect(strike.figures.contains { $0.kind == "fatalities" && $0.value == 90 && $0.qualifier == .atLeast })
        #expect(Self.role(Self.event(.statement, "2024-08-12"), "hamas") == .actor)
        let visit = try #require(Self.event(.consult, "2024-06"))
        #expect(visit.date?.modifier == .late)
        #expect(visit.date?.earliest == Day("2024-06-21"))
        #expect(Self.role(visit, "hamas") == .guest)
        #expect(Self.event(.fight, "2023-10")?.date?.precision == .month)
    }

    @Test func possibleIranianAttackHasNoInventedDate() throws {
        let e = try #require(Self.events.first { $0.type == .assault && $0.status == .possible })
        #expect(e.date == nil)
        #expect(Self.role(e, "iran") == .actor)
        #expect(Self.role(e, "israel") == .target)
    }

    @Test func sourcesQuoteTheBody() {
        for e in Self.events {
            #expect(e.confidence > 0 && e.confidence <= 1)
            for s in e.sources {
                #expect(Fixture.slice(Self.body, s.start, s.end) == s.quote)
                #expect(s.articleId == "what-did-putin-discuss-with-mahmoud-abbas")
            }
        }
        #expect(Set(Self.events.map(\.id)).count == Self.events.count)
    }

    @Test(arguments: [
        ("The former mayor was jailed for six years on Thursday.", EventType.ruling),
        ("A hearing is set for February 14.", .ruling),
        ("The company filed a complaint with the labour court on Monday.", .disapprove),
    ])
    func courtWordsAndComplaintsHaveTheirTypes(_ c: (String, EventType)) {
        #expect(Fixture.extract(c.0).events.map(\.type) == [c.1], "\(c.0)")
    }

    @Test func extractionIsDeterministic() {
        let again = Fixture.extractor.extract(Fixture.seedInput, articleId: "what-did-putin-discuss-with-mahmoud-abbas")
        #expect(again == Fixture.seed)
    }
}
