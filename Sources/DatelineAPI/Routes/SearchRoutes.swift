import HTTPServer
import NewsModel

/// `/search?q=`: ranked hits across articles, entities and events.
struct SearchRoutes: Sendable {
    let store: NewsStore

    static let endpoint = Endpoint(parameters: ["q", "limit", "cursor"], representations: [.json, .ndjson])
    /// How many hits are ranked at most; pages are cut from them.
    static let depth = 1000

    func register(in router: inout Router) {
        router.get("/search") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: Self.endpoint)
            guard let text = try context.parameters.text("q") else {
                throw APIError.badParameter("q", "is required: the words to search for.")
            }
            let hits = context.snapshot.search(text, limit: Self.depth)
            let ranked = hits.enumerated().map { (rank: $0.offset, hit: $0.element) }
            let slice = try ListSlice(
                ranked, scope: "search:\(text)", limit: context.parameters.limit(),
                cursor: context.parameters.text("cursor")
            ) { [ListCursor.ordered($0.rank)] }
            return try context.list(slice.items.map(\.hit), next: slice.next, total: slice.total)
        }
    }
}
