public import HTTPServer
public import NewsModel

/// The read API: health probes, articles, entities, events, the timeline, places, search and
/// the OpenAPI document, as one router.
///
/// ```swift
/// let router = APIRoutes(store: store, readiness: readiness).makeRouter(fallback: staticFiles)
/// ```
///
/// Every route answers GET (and so HEAD), takes only the query parameters it declares (plus
/// `pretty` and `format`), answers JSON by default and `Cache-Control: no-cache`, and reads one
/// store snapshot per request.
public struct APIRoutes: Sendable {
    public let store: NewsStore
    public let readiness: Readiness

    public init(store: NewsStore, readiness: Readiness) {
        self.store = store
        self.readiness = readiness
    }

    /// The router with every API route; `fallback` answers paths no route knows.
    public func makeRouter(fallback: (any Responder)? = nil) -> Router {
        var router = Router(fallback: fallback)
        HealthRoutes(store: store, readiness: readiness).register(in: &router)
        ArticleRoutes(store: store).register(in: &router)
        EntityRoutes(store: store).register(in: &router)
        EventRoutes(store: store).register(in: &router)
        TimelineRoutes(store: store).register(in: &router)
        PlaceRoutes(store: store).register(in: &router)
        SearchRoutes(store: store).register(in: &router)
        OpenAPIRoutes(store: store).register(in: &router)
        return router
    }
}
