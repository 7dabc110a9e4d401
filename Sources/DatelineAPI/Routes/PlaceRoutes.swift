import HTTPServer
import NewsModel

/// `/places`: the places of the events matching the `/events` filters, each with its event
/// count and coordinates when known, most events first: the points of a map.
struct PlaceRoutes: Sendable {
    let store: NewsStore

    static let endpoint = Endpoint(
        parameters: EventFilters.parameters.union(["limit"]),
        repeatable: EventFilters.repeatable, representations: [.json, .ndjson])

    /// The places listed when `limit` is not given, and the most it may ask for.
    static let defaultLimit = 500

    func register(in router: inout Router) {
        router.get("/places") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: Self.endpoint)
            let query = try EventFilters.query(context.parameters)
            let limit = try context.parameters.limit(default: Self.defaultLimit, maximum: Self.defaultLimit)
            let places: [PlaceCount]
            do throws(StoreQueryError) {
                places = try context.snapshot.places(query)
            } catch {
                throw APIError.query(error)
            }
            return try context.list(Array(places.prefix(limit)), next: nil, total: places.count)
        }
    }
}
