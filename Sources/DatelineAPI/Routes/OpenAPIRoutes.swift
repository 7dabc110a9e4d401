import HTTPServer
import NewsModel

/// `/openapi.json`: the OpenAPI 3.1 document of this API.
struct OpenAPIRoutes: Sendable {
    let store: NewsStore

    func register(in router: inout Router) {
        router.get("/openapi.json") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .single)
            return try context.single(OpenAPIDocument.document)
        }
    }
}
