import HTTPServer

/// The administration operations of the OpenAPI document: re-extraction, started with a POST
/// and followed with a GET, both behind the bearer token.
enum OpenAPIAdmin {
    private static let retryAfter: JSONValue = [
        "description": "Seconds to wait before asking again; sent while the job runs.", "schema": ["type": "integer", "minimum": 0],
    ]
    private static let job: JSONValue = ["application/json": ["schema": OpenAPISchemas.ref("Reextraction")]]

    private static var unauthorized: JSONValue {
        OpenAPIResponses.problem(
            "No bearer token was sent, or not as `Bearer`.",
            headers: [
                "WWW-Authenticate": [
                    "description": "`Bearer realm=\"dateline\"`.", "required": true,
                    "schema": ["type": "string"],
                ]
            ])
    }

    private static let forbidden = OpenAPIResponses.problem("The token is wrong, or the server takes no token (none configured).")

    static var paths: [String: JSONValue] {
        [
            "/admin/reextract": [
                "post": [
                    "operationId": "startReextraction",
                    "summary":
                        "Run the current extractor again over every stored article: entities and events of older extractor versions are replaced, one article per version step (journaled like any write); items written through the API are never touched. Follow the job at `Location`.",
                    "security": [["bearerAuth": []]],
                    "responses": [
                        "202": [
                            "description": "The job started.",
                            "headers": [
                                "Location": [
                                    "description": "`/admin/reextract/{id}`, where the job's progress is.", "required": true,
                                    "schema": ["type": "string"],
                                ],
                                "Retry-After": retryAfter,
                            ],
                            "content": job,
                        ],
                        "401": unauthorized,
                        "403": forbidden,
                        "409": OpenAPIResponses.problem(
                            "A job is running; `id` names it and `Location` is where it is followed.",
                            headers: [
                                "Location": [
                                    "description": "The running job.", "required": true,
                                    "schema": ["type": "string"],
                                ]
                            ]),
                        "503": OpenAPIResponses.problem("The store is still loading.", headers: ["Retry-After": retryAfter]),
                        "default": OpenAPIResponses.other,
                    ],
                ]
            ],
            "/admin/reextract/{id}": [
                "get": [
                    "operationId": "getReextraction",
                    "summary":
                        "One re-extraction job: its state, the articles done of the total, and what it has replaced so far. Jobs are kept in memory: the last 20 since the server started.",
                    "security": [["bearerAuth": []]],
                    "parameters": [OpenAPIParameters.id("re-extraction job"), OpenAPIParameters.pretty, OpenAPIParameters.format([.json])],
                    "responses": [
                        "200": [
                            "description": "The job.",
                            "headers": ["ETag": OpenAPIResponses.etag, "Retry-After": retryAfter],
                            "content": job,
                        ],
                        "304": OpenAPIResponses.notModified,
                        "400": OpenAPIResponses.badRequest,
                        "401": unauthorized,
                        "403": forbidden,
                        "404": OpenAPIResponses.problem("No job with this id is kept."),
                        "406": OpenAPIResponses.notAcceptable,
                        "default": OpenAPIResponses.other,
                    ],
                ]
            ],
        ]
    }
}
