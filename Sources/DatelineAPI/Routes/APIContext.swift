import HTTPServer
import HTTPTypes
import NewsModel

/// One API request on its way to an answer: its checked parameters, the representation chosen,
/// and the one snapshot every part of the answer is read from.
struct APIContext {
    let request: Request
    let snapshot: StoreSnapshot
    let parameters: QueryParameters
    let representation: Representation
    let pretty: Bool

    /// Checks the parameters against `endpoint` and negotiates the representation.
    init(_ request: Request, snapshot: StoreSnapshot, endpoint: Endpoint) throws(HTTPError) {
        self.request = request
        self.snapshot = snapshot
        parameters = try QueryParameters(request.query, allowed: endpoint.parameters, repeatable: endpoint.repeatable)
        representation = try Representation.negotiate(request, format: parameters.value("format"), offered: endpoint.representations)
        pretty = try parameters.pretty()
    }

    /// The path parameter `id`.
    var id: String { request.parameters["id"] ?? "" }

    /// A single resource as JSON.
    func single(_ value: some Encodable) throws -> Response {
        respond(try JSONBody.encode(value, pretty: pretty), representation: .json)
    }

    /// A page of a list in the negotiated representation, with a `Link` to the next page.
    /// `csv` writes the items when the route offers CSV.
    func list<Item: Encodable>(_ items: [Item], next: String?, total: Int, csv: (([Item]) -> String)? = nil) throws -> Response {
        let body: [UInt8]
        switch representation {
        case .json: body = try JSONBody.encode(ListEnvelope(data: items, next: next, total: total), pretty: pretty)
        case .ndjson: body = try JSONBody.lines(items)
        case .csv: body = Array((csv?(items) ?? "").utf8)
        case .eventStream: preconditionFailure("lists are never offered as event streams")
        }
        var response = respond(body, representation: representation)
        if let next {
            response.headerFields[.link] = "<\(nextURL(cursor: next))>; rel=\"next\""
        }
        return response
    }

    /// A list taken whole from a `Page` of the store.
    func list<Item: Encodable>(_ page: Page<Item>, csv: (([Item]) -> String)? = nil) throws -> Response {
        try list(page.items, next: page.next, total: page.total, csv: csv)
    }

    /// This request's URL with `cursor` set to the next page's.
    func nextURL(cursor: String) -> String {
        let kept = request.query.filter { $0.name != "cursor" }.map { ($0.name, $0.value) }
        return PercentEncoding.url(path: request.path, query: kept + [("cursor", cursor)])
    }

    private func respond(_ body: [UInt8], representation: Representation) -> Response {
        var response = Response(contentType: representation.contentType, bytes: body)
        response.headerFields.mergeVary("Accept")
        response.cacheability = .revalidate
        return response
    }
}
