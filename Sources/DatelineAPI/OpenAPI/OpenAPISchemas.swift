import HTTPServer
import NewsModel

/// The schemas of `components/schemas`: every JSON shape the API writes, closed
/// (`additionalProperties: false`) so that a field added in Swift but not here fails the contract test.
enum OpenAPISchemas {
    static func ref(_ name: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/\(name)")]
    }

    /// A closed object: `required` lists the members always written, the rest may be left out.
    static func object(_ description: String, _ properties: [String: JSONValue], optional: Set<String> = []) -> JSONValue {
        [
            "type": "object",
            "description": .string(description),
            "properties": .object(properties),
            "required": .array(properties.keys.filter { !optional.contains($0) }.sorted().map { .string($0) }),
            "additionalProperties": false,
        ]
    }

    static func enumeration<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ description: String) -> JSONValue
    where T.RawValue == String {
        ["type": "string", "description": .string(description), "enum": .array(T.allCases.map { .string($0.rawValue) })]
    }

    static func array(_ items: JSONValue) -> JSONValue {
        ["type": "array", "items": items]
    }

    /// The list envelope of `item`.
    static func list(of item: String) -> JSONValue {
        object(
            "A page of \(item) items: `next` is the cursor of the following page, null on the last; `total` counts the items of all pages.",
            [
                "data": array(ref(item)),
                "next": ["type": ["string", "null"]],
                "total": ["type": "integer", "minimum": 0],
            ])
    }

    static let string: JSONValue = ["type": "string"]
    static let count: JSONValue = ["type": "integer", "minimum": 0]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]

    static let all: JSONValue = [
        "Day": ["type": "string", "format": "date", "description": "A calendar day, `YYYY-MM-DD`."],
        "Source": object("Where an article came from.", ["name": string, "url": string], optional: ["url"]),
        "Mention": object(
            "Where an article's body names an entity; offsets count Unicode scalars, `end` exclusive.",
            [
                "entityId": string, "sentenceIndex": count, "start": count, "end": count, "text": string,
            ]),
        "Article": object(
            "A news article with its text and entity mentions.",
            [
                "id": string, "title": string, "body": string, "source": ref("Source"), "publishedAt": ref("Day"),
                "language": string, "wordCount": count, "mentions": array(ref("Mention")),
                "extractorVersion": ["type": "string", "description": "The extractor version that found its mentions and events."],
            ], optional: ["extractorVersion"]),
        "ArticleSummary": object(
            "An article as lists show it: without its body and mentions.",
            [
                "id": string, "title": string, "source": ref("Source"), "publishedAt": ref("Day"),
                "language": string, "wordCount": count,
            ]),
        "EntityType": enumeration(EntityType.self, "What kind of thing an entity is."),
        "Entity": object(
            "A person, organization, place or group that articles name.",
            [
                "id": string, "name": string, "type": ref("EntityType"), "aliases": array(string),
                "description": string, "wikidataId": string, "mentionCount": count, "articleIds": array(string),
                "coordinates": ref("Coordinates"),
                "extractorVersion": [
                    "type": "string", "description": "The extractor version that made it; absent when written or changed through the API.",
                ],
            ], optional: ["description", "wikidataId", "coordinates", "extractorVersion"]),
        "Coordinates": object(
            "Where a place is, in WGS 84 degrees.",
            [
                "lat": ["type": "number", "minimum": -90, "maximum": 90, "description": "Degrees north (negative south)."],
                "lon": ["type": "number", "minimum": -180, "maximum": 180, "description": "Degrees east (negative west)."],
            ]),
        "PlaceCount": object(
            "A place events took place at and how many of them; `coordinates` is absent when the place has none.",
            [
                "id": string, "name": string, "coordinates": ref("Coordinates"), "events": ["type": "integer", "minimum": 1],
            ], optional: ["coordinates"]),
        "RelatedEntity": object(
            "An entity seen with another, in shared events and shared sentences.",
            [
                "entity": ref("Entity"), "sharedEvents": count, "sharedSentences": count,
            ]),
        "EventType": enumeration(EventType.self, "The kind of an event: the CAMEO root categories and a few more."),
        "EventStatus": enumeration(EventStatus.self, "Whether an event happened, is under way, is planned or only might happen."),
        "Precision": enumeration(EventDate.Precision.self, "How fine a date value is."),
        "EventDate": object(
            "When an event happened, as the text says it: the phrase, the value at its precision, and the range of days it can mean.",
            [
                "phrase": string, "value": string, "precision": ref("Precision"),
                "modifier": enumeration(EventDate.Modifier.self, "A word that shifts or widens the value."),
                "earliest": ref("Day"), "latest": ref("Day"),
            ], optional: ["modifier"]),
        "Participant": object(
            "An entity taking part in an event.",
            [
                "entityId": string, "role": enumeration(Participant.Role.self, "The part the entity plays."),
            ]),
        "Figure": object(
            "A number an event report gives.",
            [
                "kind": string, "value": number, "unit": string,
                "qualifier": enumeration(Figure.Qualifier.self, "How exact the number is."), "text": string,
            ], optional: ["unit", "text"]),
        "EventSource": object(
            "A sentence of an article that reports an event.",
            [
                "articleId": string, "sentenceIndex": count, "start": count, "end": count, "quote": string,
            ]),
        "Event": object(
            "A dated happening that articles report.",
            [
                "id": string, "type": ref("EventType"), "summary": string, "date": ref("EventDate"), "status": ref("EventStatus"),
                "location": string, "participants": array(ref("Participant")), "figures": array(ref("Figure")),
                "sources": array(ref("EventSource")), "confidence": ["type": "number", "minimum": 0, "maximum": 1],
                "extractorVersion": string,
                "said": ["type": "string", "description": "For a statement, what was said in the text's words; its actor is the speaker."],
            ], optional: ["date", "location", "extractorVersion", "said"]),
        "TimelineBucket": object(
            "How many events fall in one year, month or day; coarser dates count in a bucket of their own precision.",
            [
                "key": string, "precision": ref("Precision"), "count": count,
            ]),
        "SearchHit": object(
            "One search result.",
            [
                "kind": enumeration(ItemKind.self, "What the hit is."), "id": string, "label": string, "snippet": string, "score": number,
            ]),
        "Status": object(
            "The answer of a health probe; `problem` says what is wrong while the store is served, such as a database that cannot be reached.",
            ["status": string, "problem": string], optional: ["problem"]),
        "Reextraction": object(
            "A re-extraction job: the current extractor run again over every stored article, one article per version step.",
            [
                "id": string,
                "state": enumeration(ReextractionStatus.State.self, "Whether the job runs, finished, or stopped on an error."),
                "extractorVersion": string, "articlesTotal": count, "articlesDone": count, "articlesReextracted": count,
                "eventsReplaced": count, "eventsCreated": count, "entitiesReplaced": count, "entitiesCreated": count,
                "startedAt": ["type": "string", "format": "date-time"], "finishedAt": ["type": "string", "format": "date-time"],
                "error": string,
            ], optional: ["finishedAt", "error"]),
        "Problem": [
            "type": "object",
            "description":
                "An RFC 9457 problem: `parameter` names the query parameter at fault in a 400; `location` the new URL in a 301; `errors` the fields at fault in a 422; `id` the id taken in a 409; `mergedInto` where a merged entity went in a 404; `results` each line's problem when no line of an NDJSON batch is an article.",
            "properties": [
                "type": string, "title": string, "status": ["type": "integer", "minimum": 100, "maximum": 599],
                "detail": string, "instance": string, "parameter": string, "location": string,
                "errors": array(ref("FieldError")), "id": string, "mergedInto": string,
                "results": array(ref("ArticleBatchLine")),
            ],
            "required": ["type", "title", "status"],
        ],
        "ArticleList": list(of: "ArticleSummary"),
        "EntityList": list(of: "Entity"),
        "RelatedEntityList": list(of: "RelatedEntity"),
        "EventList": list(of: "Event"),
        "TimelineList": list(of: "TimelineBucket"),
        "PlaceCountList": list(of: "PlaceCount"),
        "SearchHitList": list(of: "SearchHit"),
        "FeedReport": object(
            "One configured feed: when it was last fetched and with what HTTP status (304 when unchanged), what its items became, its last errors, and when it is fetched next; instants in RFC 3339 UTC.",
            [
                "url": string, "intervalSeconds": ["type": "integer", "minimum": 1], "lastFetchAt": string,
                "lastStatus": integer, "itemsSeen": count, "articlesCreated": count, "duplicates": count, "itemsFailed": count,
                "itemsDisallowed": count, "itemsPending": count, "lastError": string, "lastItemError": string,
                "nextFetchAt": string, "consecutiveFailures": count,
            ], optional: ["lastFetchAt", "lastStatus", "lastError", "lastItemError", "nextFetchAt"]),
        "FeedReportList": list(of: "FeedReport"),
    ]
}
