import Foundation
import HTTPServer
import NewsModel
import Testing

@testable import DatelineAPI

/// Entity bodies' `coordinates`, read directly and through the whole application.
@Suite struct EntityInputTests {
    let client = WriteClient()

    private func read(_ json: String) throws -> Entity {
        let body = try #require(JSONValue.parse(Array(json.utf8)))
        return try EntityInput.read(body, pathID: nil)
    }

    @Test func readsCoordinates() throws {
        let entity = try read(#"{"name": "Doha", "type": "location", "coordinates": {"lat": 25.2854, "lon": 51.531}}"#)
        #expect(entity.coordinates == Coordinates(lat: 25.2854, lon: 51.531))
        #expect(try read(#"{"name": "Doha", "type": "location", "coordinates": null}"#).coordinates == nil)
    }

    @Test(arguments: [
        (#"{"lat": 91, "lon": 0}"#, ["coordinates.lat"]),
        (#"{"lat": 0, "lon": -180.5}"#, ["coordinates.lon"]),
        (#"{"lat": "north", "lon": 0}"#, ["coordinates.lat"]),
        (#"{"lat": 10}"#, ["coordinates.lon"]),
        (#"{"lat": 10, "lon": 20, "alt": 3}"#, ["coordinates.alt"]),
        (#"[10, 20]"#, ["coordinates"]),
    ])
    func refusesMalformedCoordinatesNamingTheField(_ coordinates: String, _ fields: [String]) throws {
        let response = client.send(
            .post, "/entities", body: Array(#"{"name": "Somewhere", "type": "location", "coordinates": \#(coordinates)}"#.utf8))
        #expect(response.status == 422)
        #expect(response[.contentType] == "application/problem+json")
        #expect(response.errorFields == fields)
    }

    @Test func coordinatesAreWrittenPatchedAndShown() throws {
        let created = client.post("/entities", ["name": "Doha", "type": "location", "coordinates": ["lat": 25.2854, "lon": 51.531]])
        #expect(created.status == 201)
        let shown = try #require(created.json["coordinates"] as? [String: Double])
        #expect(shown == ["lat": 25.2854, "lon": 51.531])
        #expect(client.patch("/entities/doha", ["coordinates": ["lat": 25.3]]).status == 200)
        #expect(client.store.snapshot.entity("doha")?.coordinates == Coordinates(lat: 25.3, lon: 51.531))
        #expect(client.patch("/entities/doha", ["coordinates": ["lat": -100]]).errorFields == ["coordinates.lat"])
        #expect(client.patch("/entities/doha", ["coordinates": ["height": 1]]).errorFields == ["coordinates.height"])
        #expect(client.patch("/entities/doha", ["coordinates": NSNull()]).status == 200)
        #expect(client.get("/entities/doha").json["coordinates"] == nil)
        // An entity without coordinates shows no member for them.
        #expect(client.get("/entities/gaza").json.keys.contains("coordinates") == false)
    }
}
