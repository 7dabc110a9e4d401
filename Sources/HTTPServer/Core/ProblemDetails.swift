import HTTPTypes

/// The one place where errors become responses: RFC 9457 `application/problem+json`.
public enum ProblemDetails {
    /// The media type of every error body.
    public static let contentType = "application/problem+json"

    /// The response for an error: an `HTTPError` as it says, anything else as a 500 that tells
    /// nothing of the failure's insides.
    public static func response(for error: any Error, instance: String? = nil) -> Response {
        let httpError =
            RoutedError.unwrap(error) as? HTTPError
            ?? HTTPError(.internalServerError, detail: "The server failed to answer this request.")
        return response(for: httpError, instance: instance)
    }

    /// The response for an `HTTPError`.
    public static func response(for error: HTTPError, instance: String? = nil) -> Response {
        var json: [UInt8] = []
        JSONWriter.appendObject(members(of: error, instance: instance), to: &json)
        var fields = error.headerFields
        fields[.contentType] = contentType
        if error.closeConnection { fields[.connection] = "close" }
        var response = Response(status: error.status, headerFields: fields, body: .bytes(json))
        if !fields.contains(.cacheControl) { response.cacheability = .noStore }
        return response
    }

    /// The members of the problem object for `error`, in the order they are written: `type`,
    /// `title`, `status`, `detail`, `instance`, then the extensions by name. A batch answer
    /// embeds one per failed item.
    public static func members(of error: HTTPError, instance: String? = nil) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("type", .string(error.type ?? "about:blank")),
            ("title", .string(error.status.reasonPhrase)),
            ("status", .int(error.status.code)),
        ]
        if let detail = error.detail { members.append(("detail", .string(detail))) }
        if let instance { members.append(("instance", .string(instance))) }
        for key in error.extensions.keys.sorted() where !["type", "title", "status", "detail", "instance"].contains(key) {
            members.append((key, error.extensions[key]!))
        }
        return members
    }
}
