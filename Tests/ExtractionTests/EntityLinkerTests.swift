import NewsModel
import Testing

@testable import Extraction

@Suite struct EntityLinkerTests {
    static func id(_ r: ExtractionResult, _ text: String) -> String? { r.article.mentions.first { $0.text == text }?.entityId }

    @Test func linksSurnamesPossessivesDemonymsAndAcronyms() {
        let r = Fixture.seed
        #expect(Self.id(r, "Abbas") == "mahmoud-abbas")
        #expect(Self.id(r, "Abbas's") == "mahmoud-abbas")
        #expect(Self.id(r, "Hamas's") == "hamas")
        #expect(Self.id(r, "Russian") == "russia")
        #expect(Self.id(r, "Russian Federation") == "russia")
        #expect(Self.id(r, "U.S.") == "united-states")
        #expect(Self.id(r, "UN Security Council") == "united-nations-security-council")
    }

    @Test func linksUnlistedSurnamesAndAcronymsWithinTheArticle() {
        let r = Fixture.extract(
            "Finance Minister Jorun Tasvik met the Northern Grain Council on Monday. Tasvik said the NGC would cut prices.")
        #expect(Self.id(r, "Tasvik") == "jorun-tasvik")
        #expect(Self.id(r, "NGC") == "northern-grain-council")
    }

    @Test func linksToKnownEntities() {
        let known = Entity(id: "jorun-tasvik-2", name: "Jorun Tasvik", type: .person, aliases: ["Tasvik"])
        let r = Fixture.extractor.extract(
            ArticleInput(
                title: "", text: "Tasvik resigned on Monday.", publishedAt: Day("2024-08-13")!,
                source: Source(name: "t")), articleId: "a", known: [known])
        #expect(r.article.mentions.first?.entityId == "jorun-tasvik-2")
        #expect(r.entities.first?.articleIds == ["a"])
    }

    private static func sochi(known: Entity) throws -> Entity {
        let r = Fixture.extractor.extract(
            ArticleInput(
                title: "", text: "Putin met Erdogan in Sochi on Monday.", publishedAt: Day("2024-08-13")!,
                source: Source(name: "t")), articleId: "a", known: [known])
        return try #require(r.entities.first { $0.id == "sochi" })
    }

    @Test func aStoredMachineMadePlaceWithoutCoordinatesTakesTheGazetteers() throws {
        let stored = Entity(id: "sochi", name: "Sochi", type: .location, description: "A resort.", extractorVersion: "old")
        let sochi = try Self.sochi(known: stored)
        #expect(sochi.description == "A resort.")
        let point = try #require(sochi.coordinates)
        #expect(abs(point.lat - 43.6) < 0.1 && abs(point.lon - 39.72) < 0.1)
    }

    @Test func anEditorsPlaceKeepsItsCoordinatesOrTheirAbsence() throws {
        #expect(try Self.sochi(known: Entity(id: "sochi", name: "Sochi", type: .location)).coordinates == nil)
        let written = Coordinates(lat: 43.5, lon: 39.8)
        let stored = Entity(id: "sochi", name: "Sochi", type: .location, coordinates: written, extractorVersion: "old")
        #expect(try Self.sochi(known: stored).coordinates == written)
    }

    @Test func mentionOffsetsPointIntoTheBody() {
        let r = Fixture.seed
        #expect(!r.article.mentions.isEmpty)
        for m in r.article.mentions { #expect(Fixture.slice(r.article.body, m.start, m.end) == m.text) }
        let ids = Set(r.entities.map(\.id))
        #expect(r.article.mentions.allSatisfy { ids.contains($0.entityId) })
    }
}
