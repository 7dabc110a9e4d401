import HTTPServer
import HTTPTypes
import NewsModel

/// `POST /admin/reextract` starts a re-extraction of every stored article and answers
/// `202 Accepted` with the job and its `Location`; `GET /admin/reextract/{id}` follows it.
///
/// Both need the bearer token (the POST through the router's write guard, the GET here, after
/// its query is checked). While a job runs, another POST answers 409 naming it; answers while
/// it runs carry `Retry-After`. Until the store has loaded, a POST answers 503.
struct ReextractionRoutes: Sendable {
    let reextractions: Reextractions
    let store: NewsStore
    let readiness: Readiness
    let authorization: WriteAuthorization

    func register(in router: inout Router) {
        router.post("/admin/reextract") { _ in
            guard readiness.current == .ready else {
                throw HTTPError(
                    .serviceUnavailable, detail: "The store is still loading; re-extract once /readyz answers 200.",
                    headerFields: [.retryAfter: "1"])
            }
            switch reextractions.start() {
            case .started(let status):
                return try Self.answer(.accepted, status, location: true)
            case .busy(let running):
                let location = Self.location(running.id)
                throw HTTPError(
                    .conflict, detail: "Re-extraction \(running.id) is running; follow it at \(location).",
                    extensions: ["id": .string(running.id)], headerFields: [.location: location])
            }
        }
        router.get("/admin/reextract/{id}") { request in
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: .single)
            try authorization.authorize(request)
            guard let status = reextractions.status(context.id) else { throw APIError.notFound("re-extraction", context.id) }
            var response = try context.single(status)
            response.cacheability = .noStore
            if status.state == .running { response.headerFields[.retryAfter] = "1" }
            return response
        }
    }

    static func location(_ id: String) -> String {
        "/admin/reextract/\(id)"
    }

    private static func answer(_ status: HTTPResponse.Status, _ job: ReextractionStatus, location: Bool) throws -> Response {
        var response = Response(status: status, contentType: Representation.json.contentType, bytes: try JSONBody.encode(job))
        if location { response.headerFields[.location] = Self.location(job.id) }
        if job.state == .running { response.headerFields[.retryAfter] = "1" }
        response.cacheability = .noStore
        return response
    }
}
