import Foundation
import Testing

@testable import NewsModel

@Suite struct CoordinatesTests {
    @Test(arguments: [(0.0, 0.0), (90, 180), (-90, -180), (55.7558, 37.2197)])
    func takesPointsInRange(_ lat: Double, _ lon: Double) throws {
        let point = try #require(Coordinates(lat: lat, lon: lon))
        #expect(point.lat == lat && point.lon == lon)
    }

    @Test(arguments: [(90.5, 0.0), (-91, 0), (0, 180.01), (0, -181), (.nan, 0), (0, .infinity)])
    func refusesPointsOutOfRange(_ lat: Double, _ lon: Double) {
        #expect(Coordinates(lat: lat, lon: lon) == nil)
    }

    @Test func decodingChecksTheRange() throws {
        let point = try JSONDecoder().decode(Coordinates.self, from: Data(#"{"lat": 25.2854, "lon": 51.531}"#.utf8))
        #expect(point == Coordinates(lat: 25.2854, lon: 51.531))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Coordinates.self, from: Data(#"{"lat": 95, "lon": 0}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Coordinates.self, from: Data(#"{"lat": 5}"#.utf8))
        }
    }

    @Test func anEntityWritesCoordinatesOnlyWhenKnown() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var entity = Entity(id: "doha", name: "Doha", type: .location)
        #expect(!String(decoding: try encoder.encode(entity), as: UTF8.self).contains("coordinates"))
        entity.coordinates = Coordinates(lat: 25.2854, lon: 51.531)
        let text = String(decoding: try encoder.encode(entity), as: UTF8.self)
        #expect(text.contains(#""coordinates":{"lat":25.2854,"lon":51.531}"#))
        #expect(try JSONDecoder().decode(Entity.self, from: Data(text.utf8)) == entity)
    }

    @Test func anEntityStoredBeforeCoordinatesStillDecodes() throws {
        let old = #"{"id":"sochi","name":"Sochi","type":"location","aliases":[],"mentionCount":1,"articleIds":["a"]}"#
        let entity = try JSONDecoder().decode(Entity.self, from: Data(old.utf8))
        #expect(entity.id == "sochi" && entity.coordinates == nil)
    }
}
