import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct TimelineRoutesTests {
    let client = TestClient()

    private func buckets(_ query: String) throws -> [String] {
        try client.get("/timeline\(query)").list(TimelineBucket.self).data.map { "\($0.key)=\($0.count)" }
    }

    @Test func countsByMonthByDefault() throws {
        #expect(try buckets("") == ["2023=1", "2024-06=2", "2024-08=1"])
    }

    @Test func countsByYearAndDay() throws {
        #expect(try buckets("?granularity=year") == ["2023=1", "2024=3"])
        #expect(try buckets("?granularity=day") == ["2023=1", "2024-06=2", "2024-08-13=1"])
    }

    @Test func takesTheEventFilters() throws {
        #expect(try buckets("?type=fight,aid&from=2024-06-25") == ["2024-06=2"])
        #expect(try buckets("?entity=hamas&granularity=year") == ["2023=1", "2024=1"])
        let list = try client.get("/timeline?status=possible").list(TimelineBucket.self)
        #expect(list.data.isEmpty && list.total == 0 && list.next == nil)
    }

    @Test func bucketsSayTheirPrecision() throws {
        let list = try client.get("/timeline?granularity=day").list(TimelineBucket.self)
        #expect(list.data.map(\.precision) == [.year, .month, .day])
    }
}
