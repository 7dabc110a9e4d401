import HTTPServer
import NewsModel

/// `/events` (filtered, sorted, paged; JSON, NDJSON or CSV) and `/events/{id}`.
struct EventRoutes: Sendable {
    let store: NewsStore

    /// An event list that takes the filters and paging of `/events`.
    static let filteredList = Endpoint(
        parameters: EventFilters.parameters.union(EventFilters.paging),
        repeatable: EventFilters.repeatable, representations: [.json, .ndjson, .csv])
    /// An event list paged with `limit` and `cursor` only.
    static let slicedList = Endpoint(parameters: ["limit", "cursor"], representations: [.json, .ndjson, .csv])

    func register(in router: inout Router) {
        router.get("/events") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: Self.filteredList)
            let query = try EventFilters.pagedQuery(context.parameters)
            return try context.list(try Self.page(query, in: context.snapshot), csv: EventCSV.document)
        }
        router.get("/events/{id}") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .single)
            guard let event = context.snapshot.event(context.id) else { throw APIError.notFound("event", context.id) }
            return try context.single(event)
        }
    }

    /// The page the store answers, its refusals as 400s.
    static func page(_ query: EventQuery, in snapshot: StoreSnapshot) throws(HTTPError) -> Page<Event> {
        do {
            return try snapshot.events(query)
        } catch {
            throw APIError.query(error)
        }
    }

    /// Orders events by their first possible day (undated last), then by id.
    static func dateKey(_ event: Event) -> [String] {
        [event.date?.earliest.description ?? "~", event.id]
    }
}
