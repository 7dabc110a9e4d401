import HTTPServer
import NewsModel

/// The write operations of the OpenAPI document: their request bodies, answers and the bearer
/// security they need, merged into the read API's paths by `OpenAPIDocument`.
enum OpenAPIWrites {
    static let securitySchemes: JSONValue = [
        "bearerAuth": [
            "type": "http", "scheme": "bearer",
            "description": "The API token the server is configured with (`DATELINE_API_TOKEN`). Reads need none.",
        ]
    ]

    /// Each write path and its write methods.
    static let paths: [String: JSONValue] = [
        "/articles": [
            "post": operation(
                "createArticle",
                "Ingest an article, given as text or as a web page: extraction, entity linking and event merging in one version. A repost (same `source.url` without tracking parameters, or the same text) answers 200 with the stored article and writes nothing. An `application/x-ndjson` body is a batch, one article a line, each ingested on its own and answered in `results`.",
                body: "ArticleInput",
                content: [
                    "application/json": [
                        "schema": ["oneOf": [OpenAPISchemas.ref("ArticleInput"), OpenAPISchemas.ref("ArticlePageInput")]]
                    ],
                    ArticleBatch.mediaType: ["schema": ["type": "array", "minItems": 1, "items": OpenAPISchemas.ref("ArticleInput")]],
                ],
                responses: [
                    "201": result("The article was ingested.", schema: "ArticleWriteResult", location: true),
                    "200": [
                        "description":
                            "The store already held this article and nothing was written (with its `ETag`), or a batch was answered line by line.",
                        "headers": [
                            "ETag": ["description": "The stored article's tag (not for a batch).", "schema": ["type": "string"]]
                        ],
                        "content": [
                            "application/json": [
                                "schema": ["anyOf": [OpenAPISchemas.ref("ArticleWriteResult"), OpenAPISchemas.ref("ArticleBatchResult")]]
                            ]
                        ],
                    ],
                ])
        ],
        "/articles/{id}": [
            "delete": operation(
                "deleteArticle", "Delete an article, the event sources that cite it and the events left with none.",
                path: "article", responses: ["204": deleted, "404": OpenAPIResponses.notFound, "412": preconditionFailed])
        ],
        "/entities": [
            "post": operation(
                "createEntity", "Create an entity; its id is the given `id` or the slug of its name.",
                body: "EntityInput",
                responses: [
                    "201": result("The entity was created.", schema: "Entity", location: true),
                    "409": OpenAPIResponses.problem("An entity with this id exists."),
                ])
        ],
        "/entities/{id}": [
            "put": operation(
                "replaceEntity", "Create or wholly replace an entity.", body: "EntityInput", path: "entity",
                responses: [
                    "200": result("The entity was replaced.", schema: "Entity"),
                    "201": result("The entity was created.", schema: "Entity", location: true),
                    "412": preconditionFailed,
                ]),
            "patch": operation(
                "patchEntity", "Change an entity with a JSON Merge Patch (RFC 7396).", body: "EntityPatch",
                patch: true, path: "entity",
                responses: [
                    "200": result("The entity as patched.", schema: "Entity"), "404": OpenAPIResponses.notFound,
                    "412": preconditionFailed,
                ]),
            "delete": operation(
                "deleteEntity", "Delete an entity and its participations, locations and mentions.", path: "entity",
                responses: ["204": deleted, "404": OpenAPIResponses.notFound, "412": preconditionFailed]),
        ],
        "/entities/{id}/merge": [
            "post": operation(
                "mergeEntity",
                "Merge the entity named in the body into this one: its mentions, participations and names move here, and its id answers 301 to this one from then on.",
                body: "EntityMerge", path: "entity",
                responses: [
                    "200": result("The entity with the other merged in.", schema: "Entity"), "404": OpenAPIResponses.notFound,
                    "412": preconditionFailed,
                ])
        ],
        "/events": [
            "post": operation(
                "createEvent", "Create an event; its id is the slug of its date value, type and first participant, made unique.",
                body: "EventInput", responses: ["201": result("The event was created.", schema: "Event", location: true)])
        ],
        "/events/{id}": [
            "put": operation(
                "replaceEvent", "Create or wholly replace an event.", body: "EventInput", path: "event",
                responses: [
                    "200": result("The event was replaced.", schema: "Event"),
                    "201": result("The event was created.", schema: "Event", location: true),
                    "412": preconditionFailed,
                ]),
            "patch": operation(
                "patchEvent",
                "Change an event with a JSON Merge Patch (RFC 7396). A date patch that changes `value`, `precision` or `modifier` without `earliest` and `latest` derives them again.",
                body: "EventPatch", patch: true, path: "event",
                responses: [
                    "200": result("The event as patched.", schema: "Event"), "404": OpenAPIResponses.notFound,
                    "412": preconditionFailed,
                ]),
            "delete": operation(
                "deleteEvent", "Delete an event.", path: "event",
                responses: ["204": deleted, "404": OpenAPIResponses.notFound, "412": preconditionFailed]),
        ],
    ]

    /// `content` replaces the request body's media types when `body` alone does not say them.
    private static func operation(
        _ id: String, _ summary: String, body: String? = nil, content: [String: JSONValue]? = nil, patch: Bool = false,
        path: String? = nil, responses: [String: JSONValue]
    ) -> JSONValue {
        var all = responses
        all["401"] = OpenAPIResponses.problem(
            "No bearer token was sent, or not as `Bearer`.",
            headers: [
                "WWW-Authenticate": [
                    "description": "`Bearer realm=\"dateline\"`.", "required": true,
                    "schema": ["type": "string"],
                ]
            ])
        all["403"] = OpenAPIResponses.problem("The token is wrong, or the server takes no writes (no token configured).")
        all["503"] = OpenAPIResponses.problem(
            "The write was not applied. The journal could not be flushed, and writes are refused until the server restarts; or a new event met concurrent writes each of the \(AnswerAgain.limit + 1) times it was decided, and `Retry-After` says when to try again."
        )
        all["default"] = OpenAPIResponses.other
        var parameters: [JSONValue] = [ifMatch]
        if let path { parameters.insert(OpenAPIParameters.id(path), at: 0) }
        if body != nil {
            all["400"] = OpenAPIResponses.problem("The body is not well-formed JSON.")
            all["413"] = OpenAPIResponses.problem("The body is larger than the server takes.")
            all["415"] = OpenAPIResponses.problem(
                patch
                    ? "The body is neither `application/merge-patch+json` nor `application/json`."
                    : "The body is not `application/json`.")
            all["422"] = OpenAPIResponses.problem("The body is well-formed but wrong; `errors` lists each field and its problem.")
        }
        if path != nil { parameters.append(ifNoneMatch) }
        var operation: [String: JSONValue] = [
            "operationId": .string(id),
            "summary": .string(summary),
            "security": [["bearerAuth": []]],
            "parameters": .array(parameters),
            "responses": .object(all),
        ]
        if let body {
            let schema = ["schema": OpenAPISchemas.ref(body)] as JSONValue
            let types: [String: JSONValue] =
                patch
                ? ["application/merge-patch+json": schema, "application/json": schema]
                : ["application/json": schema]
            operation["requestBody"] = ["required": true, "content": .object(content ?? types)]
        }
        return .object(operation)
    }

    static let ifMatch = OpenAPIParameters.header(
        "If-Match", "Write only if the resource's current representation has one of these tags (`*`: if it exists); 412 otherwise.")
    static let ifNoneMatch = OpenAPIParameters.header(
        "If-None-Match", "`*`: write only if the resource does not exist yet; 412 otherwise.")

    private static func result(_ description: String, schema: String, location: Bool = false) -> JSONValue {
        var headers: [String: JSONValue] = [
            "ETag": [
                "description": "The strong tag a GET of the resource gives now; send it in `If-Match`.", "required": true,
                "schema": ["type": "string"],
            ]
        ]
        if location {
            headers["Location"] = ["description": "The path of the new resource.", "required": true, "schema": ["type": "string"]]
        }
        return [
            "description": .string(description), "headers": .object(headers),
            "content": ["application/json": ["schema": OpenAPISchemas.ref(schema)]],
        ]
    }

    private static let deleted: JSONValue = ["description": "Deleted."]
    private static let preconditionFailed = OpenAPIResponses.problem(
        "`If-Match` or `If-None-Match` does not hold for the current representation.")
}
