import HTTPServer
import HTTPTypes
import NewsModel

/// `GET /changes`: every create, update, merge and delete, live as Server-Sent Events (the id
/// of each event is the store version), or as NDJSON lines for polling clients. Resumable with
/// `Last-Event-ID` or `?since=`.
struct ChangeRoutes: Sendable {
    let persistence: any StoreOfRecord

    static let endpoint = Endpoint(parameters: ["since"], representations: [.eventStream, .ndjson])

    func register(in router: inout Router) {
        router.get("/changes") { request in
            let store = persistence.store
            let context = try APIContext(request, snapshot: store.snapshot, endpoint: Self.endpoint)
            let since = try Self.since(request, context.parameters)
            if context.representation == .ndjson {
                guard let lines = ChangeFeed.lines(since: since ?? 0, store: store) else {
                    throw HTTPError(
                        .gone,
                        detail:
                            "Changes after version \(since ?? 0) are no longer held; reload the collections and poll from version \(store.snapshot.version).",
                        extensions: ["version": .int(Int(store.snapshot.version))])
                }
                var response = Response(contentType: Representation.ndjson.contentType, bytes: lines)
                response.cacheability = .noStore
                return response
            }
            let feed = persistence.feed
            var response = Response(
                status: .ok,
                headerFields: [
                    .contentType: Representation.eventStream.contentType,
                    HTTPField.Name("X-Accel-Buffering")!: "no",
                ],
                body: .stream(
                    ResponseStream { writer in
                        feed.subscribe(writer, since: since, store: store)
                    }))
            response.cacheability = .noStore
            return response
        }
    }

    /// The version to resume after: `since`, else `Last-Event-ID`, else nil (only new changes).
    /// Both are checked whenever they are present.
    static func since(_ request: Request, _ parameters: QueryParameters) throws(HTTPError) -> UInt64? {
        var lastEventID: UInt64?
        if let text = request.headerFields.value(HTTPField.Name("Last-Event-ID")!) {
            guard let version = UInt64(text.trimmingWhitespace) else {
                throw HTTPError(
                    .badRequest, detail: "Last-Event-ID must be a store version, got \"\(text)\".",
                    extensions: ["header": .string("Last-Event-ID")])
            }
            lastEventID = version
        }
        if let text = parameters.value("since") {
            guard let version = UInt64(text) else {
                throw APIError.badParameter("since", "must be a store version (a whole number), got \"\(text)\".")
            }
            return version
        }
        return lastEventID
    }
}
