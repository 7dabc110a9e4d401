import NewsModel
import Testing

@testable import Extraction

@Suite struct EntityRecognizerTests {
    static func entity(_ r: ExtractionResult, _ name: String) -> Entity? { r.entities.first { $0.name == name } }

    @Test func findsUnlistedNamesByCues() {
        let r = Fixture.extract(
            """
            Zarnian Deputy Trade Minister Oskar Velminov met officials of the Brellan Workers Party at his Kastova residence. \
            Meanwhile, mining company Dunmore Quarries said the Ministry of Water would decide. Despite this, talks moved to Velmarra.
            """)
        #expect(Self.entity(r, "Oskar Velminov")?.type == .person)
        #expect(Self.entity(r, "Brellan Workers Party")?.type == .organization)
        #expect(Self.entity(r, "Kastova")?.type == .location)
        #expect(Self.entity(r, "Dunmore Quarries")?.type == .organization)
        #expect(Self.entity(r, "Ministry of Water")?.type == .organization)
        #expect(Self.entity(r, "Velmarra")?.type == .location)
        #expect(Self.entity(r, "Meanwhile") == nil)
        #expect(Self.entity(r, "Despite") == nil)
    }

    /// Names the knowledge base does not hold are found whole, by the tagger alone.
    @Test(arguments: [
        ("Secretary of State Antony Blinken arrived in Cairo on Monday for talks on a ceasefire.", "Antony Blinken", EntityType.person),
        ("\"This is a grave violation,\" said Rupert Colville, a spokesman for the UN human rights office.", "Rupert Colville", .person),
        ("The talks were hosted by the Qatari foreign ministry and the Brookfield Institute.", "Brookfield Institute", .organization),
        ("Antony Blinken's visit to Ankara ended on Tuesday.", "Antony Blinken", .person),
        ("\"We found errors,\" said Michael R. Golden, the office's counsel.", "Michael R. Golden", .person),
    ])
    func findsNamesTheKnowledgeBaseLacks(_ text: String, _ name: String, _ type: EntityType) {
        let r = Fixture.extract(text)
        #expect(Self.entity(r, name)?.type == type, "\(r.entities.map { ($0.name, $0.type) })")
    }

    @Test func aNewNamesOwnWordsSettleItsClass() {
        let r = Fixture.extract("The contracts went to Calloway Construction, a local builder. Ships docked at Port Almira on Sunday.")
        #expect(Self.entity(r, "Calloway Construction")?.type == .organization)
        #expect(Self.entity(r, "Port Almira")?.type == .location)
    }

    @Test func anOrganizationCutAtForOrAndIsOneName() {
        let r = Fixture.extract(
            """
            The Norland Institute of Volcanology and Seismology said the quake hit at night.             The Norland Agency for International Development sent tents.
            """)
        #expect(Self.entity(r, "Norland Institute of Volcanology and Seismology")?.type == .organization)
        #expect(Self.entity(r, "Norland Agency for International Development")?.type == .organization)
        #expect(Self.entity(r, "Seismology") == nil)
    }

    @Test func aKnownNameAfterOfEndsTheOrganization() {
        let words = ["the", "Bank", "of", "England", "and", "Bundesbank", "met"]
        let spans = [NameSpan(nameClass: .organization, words: 1..<4), NameSpan(nameClass: .organization, words: 5..<6)]
        #expect(NameSpan.joiningOrganizations(spans, words: words) { $0 == "England" } == spans)
        #expect(NameSpan.joiningOrganizations(spans, words: words) { _ in false }.map(\.words) == [1..<6])
    }

    @Test func neverTakesWeekdaysMonthsOrOpeners() {
        let r = Fixture.extract(
            "During Tuesday's session in October, Both sides met. However, Among the delegates was Ilse Brandt, a lawyer.")
        let names = Set(r.entities.map(\.name))
        for word in ["Tuesday", "October", "During", "Both", "However", "Among"] { #expect(!names.contains(word)) }
    }

    @Test func seedEntitiesAreTyped() {
        let byName = Dictionary(uniqueKeysWithValues: Fixture.seed.entities.map { ($0.name, $0.type) })
        #expect(byName["Vladimir Putin"] == .person)
        #expect(byName["Mahmoud Abbas"] == .person)
        #expect(byName["Mikhail Bogdanov"] == .person)
        #expect(byName["Novo-Ogaryovo"] == .location)
        #expect(byName["Hamas"] == .organization)
        #expect(byName["United Nations Security Council"] == .organization)
        #expect(byName["Sochi"] == .location)
        #expect(!byName.keys.contains { $0.contains("Bütün") || $0 == "Facebook" || $0 == "Despite" || $0 == "Meanwhile" })
    }
}
