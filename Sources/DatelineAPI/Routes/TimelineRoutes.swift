import HTTPServer
import NewsModel

/// `/timeline`: how many events matching the `/events` filters fall in each year, month or day.
struct TimelineRoutes: Sendable {
    let store: NewsStore

    static let endpoint = Endpoint(
        parameters: EventFilters.parameters.union(["granularity"]),
        repeatable: EventFilters.repeatable, representations: [.json, .ndjson])

    func register(in router: inout Router) {
        router.get("/timeline") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: Self.endpoint)
            let query = try EventFilters.query(context.parameters)
            let granularity = try context.parameters.choice("granularity", TimelineBucket.Granularity.self) ?? .month
            let buckets: [TimelineBucket]
            do throws(StoreQueryError) {
                buckets = try context.snapshot.timeline(query, granularity: granularity)
            } catch {
                throw APIError.query(error)
            }
            return try context.list(buckets, next: nil, total: buckets.count)
        }
    }
}
