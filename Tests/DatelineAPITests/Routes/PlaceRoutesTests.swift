import DatelineAPI
import Foundation
import HTTPTypes
import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct PlaceRoutesTests {
    let client = TestClient()

    private func places(_ query: String) throws -> [String] {
        try client.get("/places\(query)").list(PlaceCount.self).data.map { "\($0.id)=\($0.events)" }
    }

    @Test func countsEventsPerPlaceMostFirst() throws {
        let list = try client.get("/places").list(PlaceCount.self)
        #expect(list.data.map { "\($0.id)=\($0.events)" } == ["gaza=2", "moscow=1"])
        #expect(list.total == 2 && list.next == nil)
        #expect(list.data.first?.name == "Gaza")
    }

    @Test func takesTheEventFiltersAndALimit() throws {
        #expect(try places("?type=fight") == ["gaza=1"])
        #expect(try places("?entity=vladimir-putin") == ["moscow=1"])
        #expect(try places("?from=2024-08-01&to=2024-08-31") == ["moscow=1"])
        #expect(try places("?status=possible") == [])
        let limited = try client.get("/places?limit=1").list(PlaceCount.self)
        #expect(limited.data.map(\.id) == ["gaza"] && limited.total == 2)
    }

    @Test(arguments: [
        ("?from=2024-13-01", "from"), ("?from=2024-09-01&to=2024-08-01", "from"), ("?type=picnic", "type"),
        ("?limit=0", "limit"), ("?limit=501", "limit"), ("?sort=date", "sort"), ("?status=maybe", "status"),
    ])
    func badParametersAreProblems(_ query: String, _ parameter: String) {
        let response = client.get("/places\(query)")
        #expect(response.status == 400, "\(query)")
        #expect(response[.contentType] == "application/problem+json")
        #expect(response.parameter == parameter, "\(query)")
    }

    @Test func coordinatesAppearOnlyWhenKnown() throws {
        let store = Fixtures.store()
        var moscow = try #require(store.snapshot.storedEntity("moscow"))
        moscow.coordinates = Coordinates(lat: 55.752, lon: 37.6178)
        store.apply([.upsertEntity(moscow)])
        let items = try #require(TestClient(store: store).get("/places").json["data"] as? [[String: Any]])
        #expect(items.count == 2)
        #expect(items[0]["id"] as? String == "gaza" && items[0]["coordinates"] == nil)
        #expect(items[1]["coordinates"] as? [String: Double] == ["lat": 55.752, "lon": 37.6178])
        #expect(items[1]["events"] as? Int == 1)
    }

    @Test func answersWithATagAndNotModified() throws {
        let tag = try #require(client.get("/places")[.eTag])
        #expect(!tag.hasPrefix("W/"))
        #expect(client.send("/places", headers: [.ifNoneMatch: tag]).status == 304)
        #expect(client.get("/places?type=fight")[.eTag] != tag)
    }
}
