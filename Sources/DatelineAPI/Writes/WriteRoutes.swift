import HTTPServer

/// The write API: articles, entities and events created, replaced, patched, merged and deleted.
///
/// ```swift
/// WriteRoutes(ingestion: ingestion, bodyLimit: limits.bodyBytes).register(in: &router)
/// ```
///
/// Every write parses and validates its body first, then checks the latest state and stages its
/// changes through `Ingestion.write` with the writer's lock held, so no check races another
/// write; it answers once the changes are durable. Bodies are JSON (or merge
/// patches for PATCH): 415 for another media type, 413 past `bodyLimit`, 400 when malformed,
/// 422 with an `errors` list when well-formed but wrong. Each answer carries the `ETag` a GET
/// of the resource would give; `If-Match` that does not hold answers 412. Who may write is
/// `WriteAuthorization`'s business, before a request gets here.
struct WriteRoutes: Sendable {
    let ingestion: Ingestion
    let bodyLimit: Int

    func register(in router: inout Router) {
        ArticleWriteRoutes(ingestion: ingestion, bodyLimit: bodyLimit).register(in: &router)
        EntityWriteRoutes(ingestion: ingestion, bodyLimit: bodyLimit).register(in: &router)
        EventWriteRoutes(ingestion: ingestion, bodyLimit: bodyLimit).register(in: &router)
    }
}
