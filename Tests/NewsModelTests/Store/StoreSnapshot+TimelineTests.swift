import Testing

@testable import NewsModel

@Suite struct StoreSnapshotTimelineTests {
    private let store = makeStore(events: [
        .make("d1", date: .on("2024-06-13")), .make("d2", date: .on("2024-06-13")), .make("d3", date: .on("2024-06-20")),
        .make("m1", date: .month("2024-06")), .make("y1", date: .year(2024)), .make("d4", date: .on("2023-02-01")),
        .make("none", type: .aid),
    ])

    private func buckets(_ granularity: TimelineBucket.Granularity, _ query: EventQuery = EventQuery()) throws -> [String] {
        try store.snapshot.timeline(query, granularity: granularity).map { "\($0.key):\($0.count)" }
    }

    @Test func countsEachEventOnceAtItsOwnPrecision() throws {
        #expect(try buckets(.year) == ["2023:1", "2024:5"])
        #expect(try buckets(.month) == ["2023-02:1", "2024:1", "2024-06:4"])
        #expect(try buckets(.day) == ["2023-02-01:1", "2024:1", "2024-06:1", "2024-06-13:2", "2024-06-20:1"])
    }

    @Test func marksCoarserBuckets() throws {
        let day = try store.snapshot.timeline(EventQuery(), granularity: .day)
        #expect(day.first { $0.key == "2024-06" }?.precision == .month)
        #expect(day.first { $0.key == "2024-06-13" }?.precision == .day)
    }

    @Test func appliesFilters() throws {
        #expect(try buckets(.month, EventQuery(from: .of("2024-06-15"), to: .of("2024-06-30"))) == ["2024:1", "2024-06:2"])
        #expect(try buckets(.year, EventQuery(types: [.aid])) == [])
    }
}
