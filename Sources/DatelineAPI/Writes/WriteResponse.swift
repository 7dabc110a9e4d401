import HTTPServer
import HTTPTypes

/// The answers of writes: JSON bodies with the `ETag` of the resource written (the tag a GET of
/// it would give), `Location` for creations, and 204 for deletions.
enum WriteResponse {
    /// `status` with `body` as JSON and `tag` as the `ETag`.
    static func json(
        _ status: HTTPResponse.Status, _ body: some Encodable, tag: EntityTag,
        location: String? = nil
    ) throws -> Response {
        json(status, bytes: try JSONBody.encode(body), tag: tag, location: location)
    }

    /// A resource as its GET answers it, with its tag: 201 with `Location` when it was created.
    /// The body is encoded once, and the tag is the hash of those bytes.
    static func resource(_ resource: some Encodable, created location: String?) throws -> Response {
        Self.resource(json: try JSONBody.encode(resource), created: location)
    }

    /// A resource's JSON, as above.
    static func resource(json bytes: [UInt8], created location: String?) -> Response {
        json(location == nil ? .ok : .created, bytes: bytes, tag: ContentHash.entityTag(for: bytes), location: location)
    }

    private static func json(_ status: HTTPResponse.Status, bytes: [UInt8], tag: EntityTag, location: String?) -> Response {
        var response = Response(status: status, contentType: Representation.json.contentType, bytes: bytes)
        if let location { response.headerFields[.location] = location }
        response.entityTag = tag
        response.cacheability = .noStore
        return response
    }

    /// 204 after a deletion.
    static let deleted: Response = {
        var response = Response(status: .noContent)
        response.cacheability = .noStore
        return response
    }()

    /// The path of a resource, its id percent-encoded.
    static func location(_ collection: String, _ id: String) -> String {
        PercentEncoding.url(path: "/\(collection)/\(id)", query: [])
    }
}
