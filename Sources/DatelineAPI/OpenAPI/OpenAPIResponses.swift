import HTTPServer

/// Response objects, built per operation from what it offers.
enum OpenAPIResponses {
    static func problem(_ description: String, headers: JSONValue = [:]) -> JSONValue {
        [
            "description": .string(description),
            "headers": headers,
            "content": ["application/problem+json": ["schema": OpenAPISchemas.ref("Problem")]],
        ]
    }

    static let etag: JSONValue = [
        "description": "A strong tag of the representation; send it back in `If-None-Match`.",
        "required": true, "schema": ["type": "string"],
    ]
    static let cacheControl: JSONValue = ["description": "`no-cache`: revalidate with the ETag.", "schema": ["type": "string"]]
    static let link: JSONValue = ["description": "`<URL>; rel=\"next\"` when there is a next page.", "schema": ["type": "string"]]

    /// The 200: `schema` in JSON, and the other offered forms.
    static func ok(_ description: String, schema: String, offered: [Representation], list: Bool) -> JSONValue {
        var content: [String: JSONValue] = [:]
        for representation in offered {
            switch representation {
            case .json:
                content[representation.mediaType] = ["schema": OpenAPISchemas.ref(schema)]
            case .ndjson:
                content[representation.mediaType] = [
                    "schema": ["type": "string", "description": "One JSON object a line, each an item of `data`."]
                ]
            case .csv:
                content[representation.mediaType] = ["schema": ["type": "string", "description": "RFC 4180 CSV with a header row."]]
            case .eventStream:
                content[representation.mediaType] = [
                    "schema": ["type": "string", "description": "Server-Sent Events: `id` is the store version, `data` a JSON object."]
                ]
            }
        }
        var headers: [String: JSONValue] = ["ETag": etag, "Cache-Control": cacheControl]
        if list { headers["Link"] = link }
        return ["description": .string(description), "headers": .object(headers), "content": .object(content)]
    }

    static let notModified: JSONValue = [
        "description": "Not modified: the `If-None-Match` tag is current.",
        "headers": ["ETag": etag],
    ]
    static let badRequest = problem("A query parameter is unknown, repeated or malformed; `parameter` names it.")
    static let notFound = problem("No resource has this id.")
    static let notAcceptable = problem("The `Accept` field allows none of the offered media types.")
    static let movedPermanently = problem(
        "The entity was merged into another; `Location` names it.",
        headers: ["Location": ["description": "The same path and query on the new id.", "required": true, "schema": ["type": "string"]]])
    static let unavailable = problem("The store is still loading, or loading it failed.")
    static let other = problem("Any other error (405 with `Allow`, 500).")
}
