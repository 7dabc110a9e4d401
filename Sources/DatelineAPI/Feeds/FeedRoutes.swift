import Feeds
import HTTPServer
import NewsModel

/// `GET /feeds`: every configured feed and how it is doing (``FeedReport``), in configuration
/// order, as JSON or NDJSON; an empty list when none is configured. Never stored by caches: it
/// changes with each poll, not with the store.
struct FeedRoutes: Sendable {
    let poller: FeedPoller?
    let store: NewsStore

    /// No paging: a server polls a few hundred feeds at most.
    static let endpoint = Endpoint(parameters: [], representations: [.json, .ndjson])

    func register(in router: inout Router) {
        router.get("/feeds") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: Self.endpoint)
            let reports = (poller?.statuses ?? []).map(FeedReport.init)
            var response = try context.list(reports, next: nil, total: reports.count)
            response.cacheability = .noStore
            return response
        }
    }
}
