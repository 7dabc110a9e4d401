import HTTPServer

/// The OpenAPI 3.1 document of the API, served at `/openapi.json`: every route, its
/// parameters, its representations and its errors (the writes from `OpenAPIWrites`), with the schemas built from the model's
/// own enumerations so the two cannot drift apart.
enum OpenAPIDocument {
    static let document: JSONValue = [
        "openapi": "3.1.0",
        "info": [
            "title": "Dateline",
            "version": "1.0.0",
            "description": """
            News articles, the entities they name and the events they report. Lists answer \
            `{"data", "next", "total"}` and a `Link` to the next page; `format=ndjson` (or \
            `Accept: application/x-ndjson`) gives one item a line, and event lists also come as \
            CSV. Every 200 carries a strong `ETag`; `If-None-Match` answers 304. Writes need \
            `Authorization: Bearer <token>` and take JSON (merge patches for PATCH); each answers \
            with the `ETag` of the resource written, and `If-Match` guards against lost updates. \
            `/admin/reextract` runs the current extractor again over the stored articles.
            """,
        ],
        "paths": .object(
            paths.merging(OpenAPIWrites.paths) { reads, writes in reads.merging(writes) }
                .merging(OpenAPIAdmin.paths) { first, _ in first }),
        "components": [
            "schemas": OpenAPISchemas.all.merging(.object(OpenAPIWriteSchemas.all)),
            "securitySchemes": OpenAPIWrites.securitySchemes,
        ],
    ]

    /// What an operation answers besides its 200.
    private struct Errors: OptionSet {
        let rawValue: Int
        static let notFound = Errors(rawValue: 1)
        static let redirect = Errors(rawValue: 2)
        static let unavailable = Errors(rawValue: 4)
    }

    private static func operation(
        _ id: String, _ summary: String, schema: String, endpoint: Endpoint,
        parameters: [JSONValue] = [], path: [JSONValue] = [],
        errors: Errors = []
    ) -> JSONValue {
        let list = schema.hasSuffix("List")
        var responses: [String: JSONValue] = [
            "200": OpenAPIResponses.ok(summary, schema: schema, offered: endpoint.representations, list: list),
            "304": OpenAPIResponses.notModified,
            "400": OpenAPIResponses.badRequest,
            "406": OpenAPIResponses.notAcceptable,
            "default": OpenAPIResponses.other,
        ]
        if errors.contains(.notFound) { responses["404"] = OpenAPIResponses.notFound }
        if errors.contains(.redirect) { responses["301"] = OpenAPIResponses.movedPermanently }
        if errors.contains(.unavailable) { responses["503"] = OpenAPIResponses.unavailable }
        let all = path + parameters + [OpenAPIParameters.pretty, OpenAPIParameters.format(endpoint.representations)]
        return [
            "get": [
                "operationId": .string(id),
                "summary": .string(summary),
                "parameters": .array(all),
                "responses": .object(responses),
            ]
        ]
    }

    private static let paging = [OpenAPIParameters.limit, OpenAPIParameters.cursor]
    private static let eventPaging = [OpenAPIParameters.sort] + paging

    private static let paths: [String: JSONValue] = [
        "/healthz": operation("health", "The process answers.", schema: "Status", endpoint: .single),
        "/readyz": operation("readiness", "The store has loaded.", schema: "Status", endpoint: .single, errors: .unavailable),
        "/openapi.json": [
            "get": [
                "operationId": "openapi",
                "summary": "This document.",
                "parameters": [OpenAPIParameters.pretty, OpenAPIParameters.format([.json])],
                "responses": [
                    "200": ["description": "The OpenAPI document.", "content": ["application/json": ["schema": ["type": "object"]]]],
                    "304": OpenAPIResponses.notModified,
                    "400": OpenAPIResponses.badRequest,
                    "406": OpenAPIResponses.notAcceptable,
                    "default": OpenAPIResponses.other,
                ],
            ]
        ],
        "/articles": operation(
            "listArticles", "Articles, newest first.", schema: "ArticleList",
            endpoint: .pagedList, parameters: paging),
        "/articles/{id}": operation(
            "getArticle", "One article with its text and mentions.", schema: "Article",
            endpoint: .single, path: [OpenAPIParameters.id("article")], errors: .notFound),
        "/articles/{id}/entities": operation(
            "listArticleEntities", "The entities an article names, in order of first mention.",
            schema: "EntityList", endpoint: .pagedList, parameters: paging,
            path: [OpenAPIParameters.id("article")], errors: .notFound),
        "/articles/{id}/events": operation(
            "listArticleEvents", "The events an article reports, in date order.",
            schema: "EventList", endpoint: EventRoutes.slicedList, parameters: paging,
            path: [OpenAPIParameters.id("article")], errors: .notFound),
        "/entities": operation(
            "listEntities", "Entities in id order, by type and name words.", schema: "EntityList",
            endpoint: EntityRoutes.list,
            parameters: [OpenAPIParameters.entityType, OpenAPIParameters.entityText] + paging),
        "/entities/{id}": operation(
            "getEntity", "One entity.", schema: "Entity", endpoint: .single,
            path: [OpenAPIParameters.id("entity")], errors: [.notFound, .redirect]),
        "/entities/{id}/events": operation(
            "listEntityEvents", "The events an entity takes part in, with the filters of /events.",
            schema: "EventList", endpoint: EventRoutes.filteredList,
            parameters: OpenAPIParameters.eventFilters + eventPaging,
            path: [OpenAPIParameters.id("entity")], errors: [.notFound, .redirect]),
        "/entities/{id}/articles": operation(
            "listEntityArticles", "The articles that mention an entity, newest first.",
            schema: "ArticleList", endpoint: .pagedList, parameters: paging,
            path: [OpenAPIParameters.id("entity")], errors: [.notFound, .redirect]),
        "/entities/{id}/related": operation(
            "listRelatedEntities", "Entities sharing events or sentences with an entity, most shared first.",
            schema: "RelatedEntityList", endpoint: .pagedList, parameters: paging,
            path: [OpenAPIParameters.id("entity")], errors: [.notFound, .redirect]),
        "/events": operation(
            "listEvents", "Events by date, type, participants, place, status and words.", schema: "EventList",
            endpoint: EventRoutes.filteredList, parameters: OpenAPIParameters.eventFilters + eventPaging),
        "/events/{id}": operation(
            "getEvent", "One event.", schema: "Event", endpoint: .single,
            path: [OpenAPIParameters.id("event")], errors: .notFound),
        "/timeline": operation(
            "timeline", "Event counts per year, month or day, with the filters of /events.",
            schema: "TimelineList", endpoint: TimelineRoutes.endpoint,
            parameters: OpenAPIParameters.eventFilters + [OpenAPIParameters.granularity]),
        "/places": operation(
            "places",
            "The places of the events matching the filters of /events, with their event counts and coordinates when known, most events first; `next` is always null.",
            schema: "PlaceCountList", endpoint: PlaceRoutes.endpoint,
            parameters: OpenAPIParameters.eventFilters + [OpenAPIParameters.placeLimit]),
        "/search": operation(
            "search", "Ranked hits across articles, entities and events.", schema: "SearchHitList",
            endpoint: SearchRoutes.endpoint, parameters: [OpenAPIParameters.searchText] + paging),
        "/feeds": operation(
            "listFeeds", "The configured RSS and Atom feeds and how each is doing, in configuration order.",
            schema: "FeedReportList", endpoint: FeedRoutes.endpoint),
        "/changes": [
            "get": [
                "operationId": "changes",
                "summary":
                    "Every create, update, merge and delete: live as Server-Sent Events (each id is the store version), or as NDJSON lines for polling. Resumable with Last-Event-ID or since.",
                "parameters": [
                    [
                        "name": "since", "in": "query", "required": false,
                        "description": "Send the changes after this store version.",
                        "schema": ["type": "string", "pattern": "^[0-9]{1,19}$"],
                    ],
                    [
                        "name": "Last-Event-ID", "in": "header", "required": false,
                        "description": "The id of the last event received; the stream resumes after it.",
                        "schema": ["type": "string", "pattern": "^[0-9]{1,19}$"],
                    ],
                    OpenAPIParameters.pretty, OpenAPIParameters.format([.eventStream, .ndjson]),
                ],
                "responses": [
                    "200": [
                        "description": "The changes: one event (or NDJSON line) per store version.",
                        "content": [
                            "text/event-stream": [
                                "schema": [
                                    "type": "object",
                                    "description":
                                        "One Server-Sent Event: `id` is the store version, `event` is `change` or `reset`, `data` a JSON object with `version` and `changes`.",
                                    "properties": [
                                        "id": ["type": "string", "pattern": "^[0-9]+$"],
                                        "event": ["type": "string", "enum": ["change", "reset"]],
                                        "data": ["type": "string"],
                                        "retry": ["type": "integer"],
                                    ],
                                ]
                            ],
                            "application/x-ndjson": [
                                "schema": ["type": "string", "description": "One JSON object a line: `version` and `changes`."]
                            ],
                        ],
                    ],
                    "400": OpenAPIResponses.badRequest,
                    "406": OpenAPIResponses.notAcceptable,
                    "410": [
                        "description": "The changes after `since` are no longer held; reload and poll from the version given.",
                        "content": ["application/problem+json": ["schema": OpenAPISchemas.ref("Problem")]],
                    ],
                    "default": OpenAPIResponses.other,
                ],
            ]
        ],
    ]
}
