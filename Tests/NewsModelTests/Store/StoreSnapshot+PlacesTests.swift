import Testing

@testable import NewsModel

@Suite struct StoreSnapshotPlacesTests {
    private let store = makeStore(
        entities: [
            Entity(id: "doha", name: "Doha", type: .location, coordinates: Coordinates(lat: 25.2854, lon: 51.531)),
            Entity(id: "sochi", name: "Sochi", type: .location, coordinates: Coordinates(lat: 43.597, lon: 39.7248)),
            Entity(id: "cairo", name: "Cairo", type: .location),
        ],
        events: [
            .make("a", date: .on("2024-06-13"), location: "doha"), .make("b", date: .on("2024-06-14"), location: "doha"),
            .make("c", type: .aid, date: .on("2024-07-01"), location: "sochi"),
            .make("d", date: .on("2024-07-02"), location: "cairo"),
            .make("e", type: .aid, location: "doha"), .make("f", date: .on("2024-07-03")),
        ])

    private func places(_ query: EventQuery = EventQuery()) throws -> [String] {
        try store.snapshot.places(query).map { "\($0.id):\($0.events)" }
    }

    @Test func countsEachEventOnceAtItsPlaceMostFirstThenByName() throws {
        #expect(try places() == ["doha:3", "cairo:1", "sochi:1"])
    }

    @Test func carriesNamesAndCoordinatesWhenKnown() throws {
        let all = try store.snapshot.places(EventQuery())
        #expect(all.first { $0.id == "sochi" }?.coordinates == Coordinates(lat: 43.597, lon: 39.7248))
        #expect(all.first { $0.id == "sochi" }?.name == "Sochi")
        #expect(all.first { $0.id == "cairo" }?.coordinates == nil)
    }

    @Test func appliesTheEventFilters() throws {
        #expect(try places(EventQuery(types: [.aid])) == ["doha:1", "sochi:1"])
        #expect(try places(EventQuery(from: .of("2024-07-01"))) == ["cairo:1", "sochi:1"])
        #expect(try places(EventQuery(location: "doha")) == ["doha:3"])
        #expect(try places(EventQuery(status: .possible)) == [])
    }

    @Test func refusesARangeBackwards() {
        #expect(throws: StoreQueryError.self) {
            try store.snapshot.places(EventQuery(from: .of("2024-08-01"), to: .of("2024-07-01")))
        }
    }
}
