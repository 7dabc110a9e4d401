import HTTPServer
import HTTPTypes
import NewsModel

/// `/entities`, `/entities/{id}` and an entity's events, articles and related entities. An id
/// merged into another answers 301 with the same path and query on the new id.
struct EntityRoutes: Sendable {
    let store: NewsStore

    static let list = Endpoint(parameters: ["type", "q", "limit", "cursor"], representations: [.json, .ndjson])

    func register(in router: inout Router) {
        router.get("/entities") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: Self.list)
            let parameters = context.parameters
            let page: Page<Entity>
            do {
                page = try context.snapshot.entities(
                    type: parameters.choice("type", EntityType.self), text: parameters.text("q"),
                    limit: parameters.limit(), cursor: parameters.text("cursor"))
            } catch let error as StoreQueryError {
                throw APIError.query(error)
            }
            return try context.list(page)
        }
        router.get("/entities/{id}") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .single)
            return try context.single(try entity(context, suffix: ""))
        }
        router.get("/entities/{id}/events") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: EventRoutes.filteredList)
            // A bad query is a bad query wherever the entity now lives: read it before redirecting.
            var query = try EventFilters.pagedQuery(context.parameters)
            let entity = try entity(context, suffix: "/events")
            query.entities.insert(entity.id, at: 0)
            return try context.list(try EventRoutes.page(query, in: context.snapshot), csv: EventCSV.document)
        }
        router.get("/entities/{id}/articles") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .pagedList)
            let limit = try context.parameters.limit()
            let cursor = try context.parameters.text("cursor")
            let entity = try entity(context, suffix: "/articles")
            let articles = context.snapshot.articles(forEntity: entity.id).map(ArticleSummary.init)
            let slice = try ListSlice(articles, scope: "entity-articles:\(entity.id)", limit: limit, cursor: cursor) {
                // Newest first, then by id.
                [ListCursor.reversed($0.publishedAt.ordinal + 100_000_000), $0.id]
            }
            return try context.list(slice.items, next: slice.next, total: slice.total)
        }
        router.get("/entities/{id}/related") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .pagedList)
            let limit = try context.parameters.limit()
            let cursor = try context.parameters.text("cursor")
            let entity = try entity(context, suffix: "/related")
            let related = context.snapshot.related(to: entity.id, limit: Int.max)
            let slice = try ListSlice(related, scope: "entity-related:\(entity.id)", limit: limit, cursor: cursor) {
                // Most shared first, then by id.
                [ListCursor.reversed($0.total), $0.entity.id]
            }
            return try context.list(slice.items, next: slice.next, total: slice.total)
        }
    }

    /// The entity of the path, or a 301 to the entity it was merged into, or a 404. Routes read
    /// their query first, so a bad one gets its 400 wherever the entity now lives.
    private func entity(_ context: APIContext, suffix: String) throws(HTTPError) -> Entity {
        if let entity = context.snapshot.entity(context.id) { return entity }
        if let target = context.snapshot.redirect(for: context.id) {
            let location = PercentEncoding.url(
                path: "/entities/\(target)\(suffix)",
                query: context.request.query.map { ($0.name, $0.value) })
            throw HTTPError(
                .movedPermanently, detail: "Entity \"\(context.id)\" was merged into \"\(target)\".",
                extensions: ["location": .string(location)],
                headerFields: [.location: location, .cacheControl: "no-cache"])
        }
        throw APIError.notFound("entity", context.id)
    }
}
