import Foundation
import NewsModel
import Testing

@testable import Extraction

@Suite struct KnowledgeBaseTests {
    /// A folder holding `knowledge.json` and `places.tsv` with the given contents.
    private static func folder(knowledge: String, places: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("knowledge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(knowledge.utf8).write(to: url.appendingPathComponent("knowledge.json"))
        try Data(places.utf8).write(to: url.appendingPathComponent("places.tsv"))
        return url
    }

    @Test func readsCoordinatesFromBothFiles() throws {
        let url = try Self.folder(
            knowledge: """
                {"entities": [
                  {"name": "Novo-Ogaryovo", "type": "location", "coordinates": {"lat": 55.7558, "lon": 37.2197}},
                  {"name": "Qatar", "type": "location"},
                  {"name": "Nowhere", "type": "location"}
                ]}
                """,
            places: """
                # name\tkind\tcountry\tpopulation\tlatitude\tlongitude
                Doha\tcity\tQA\t344939\t25.2855\t51.531
                Qatar\tcountry\tQA\t2781677\t25.2855\t51.531
                Texas\tstate\tUS\t0\t\t
                Oldtown\tcity\tXX\t60000

                """)
        defer { try? FileManager.default.removeItem(at: url) }
        let knowledge = try KnowledgeBase(
            knowledge: url.appendingPathComponent("knowledge.json"), places: url.appendingPathComponent("places.tsv"))
        #expect(knowledge.entry(named: "Novo-Ogaryovo")?.entity.coordinates == Coordinates(lat: 55.7558, lon: 37.2197))
        // A hand-written place without coordinates takes its gazetteer row's.
        #expect(knowledge.entry(named: "Qatar")?.coordinates == Coordinates(lat: 25.2855, lon: 51.531))
        #expect(knowledge.entry(named: "Nowhere")?.coordinates == nil)
        let doha = try #require(knowledge.place(named: "Doha"))
        #expect(knowledge.entity(for: doha).coordinates == Coordinates(lat: 25.2855, lon: 51.531))
        #expect(knowledge.place(named: "Texas")?.coordinates == nil)
        // Rows of four columns, as the file had before coordinates, still load.
        #expect(knowledge.place(named: "Oldtown")?.population == 60000)
        #expect(knowledge.place(named: "Oldtown")?.coordinates == nil)
    }

    @Test func refusesCoordinatesOutOfRange() throws {
        let url = try Self.folder(
            knowledge: #"{"entities": [{"name": "Bad", "type": "location", "coordinates": {"lat": 91, "lon": 0}}]}"#,
            places: "")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: DecodingError.self) {
            try KnowledgeBase(knowledge: url.appendingPathComponent("knowledge.json"), places: nil)
        }
    }

    @Test(arguments: ["Novo-Ogaryovo", "Gaza Strip", "Moscow", "Doha", "Russia", "Kremlin"])
    func theRepositoryKnowledgeLocatesThePlacesOfTheSeed(_ name: String) throws {
        let entry = try #require(Fixture.knowledge.entry(named: name))
        let point = try #require(entry.entity.coordinates)
        #expect(Coordinates.latitudes.contains(point.lat) && Coordinates.longitudes.contains(point.lon))
    }

    @Test func theRepositoryGazetteerLocatesCities() throws {
        let sochi = try #require(Fixture.knowledge.place(named: "Sochi"))
        let point = try #require(Fixture.knowledge.entity(for: sochi).coordinates)
        #expect(abs(point.lat - 43.6) < 0.1 && abs(point.lon - 39.72) < 0.1)
    }

    @Test func theSeedsPlacesComeOutWithCoordinates() throws {
        let places = Fixture.seed.entities.filter { $0.type == .location }
        for name in ["Novo-Ogaryovo", "Sochi", "Moscow", "Gaza Strip"] where places.contains(where: { $0.name == name }) {
            #expect(places.first { $0.name == name }?.coordinates != nil, "\(name)")
        }
        #expect(places.contains { $0.name == "Novo-Ogaryovo" && $0.coordinates != nil })
    }
}
