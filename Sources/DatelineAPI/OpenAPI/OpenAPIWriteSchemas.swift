import HTTPServer
import NewsModel

/// The schemas of write bodies and write answers, added to `components/schemas`. Inputs are
/// closed like the outputs: the server refuses members it does not know with 422.
enum OpenAPIWriteSchemas {
    private typealias S = OpenAPISchemas

    private static let text: JSONValue = ["type": "string", "minLength": 1]
    private static let nullableText: JSONValue = ["type": ["string", "null"]]
    private static let ids: JSONValue = S.array(S.string)

    /// `schema` or `null`: the server reads `null` in an optional member as its absence.
    private static func orNull(_ schema: JSONValue) -> JSONValue {
        ["anyOf": [schema, ["type": "null"]]]
    }

    /// A closed object whose `optional` members may also be `null`.
    private static func input(_ description: String, _ properties: [String: JSONValue], optional: Set<String>) -> JSONValue {
        var members = properties
        for name in optional { members[name] = orNull(properties[name]!) }
        return S.object(description, members, optional: optional)
    }

    /// An object whose every member may be left out or `null`: a merge patch of `properties`.
    private static func patch(_ description: String, _ properties: [String: JSONValue]) -> JSONValue {
        input(description, properties, optional: Set(properties.keys))
    }

    private static let entityMembers: [String: JSONValue] = [
        "id": ["type": "string", "minLength": 1, "description": "A slug; defaults to the slug of the name (POST) or must be the path's."],
        "name": text, "type": S.ref("EntityType"), "aliases": S.array(text),
        "description": nullableText, "wikidataId": ["type": ["string", "null"], "pattern": "^Q[1-9][0-9]*$"],
        "coordinates": S.ref("Coordinates"),
        "mentionCount": ["type": "integer", "description": "Ignored: counted by the store."],
        "articleIds": ["type": "array", "items": S.string, "description": "Ignored: counted by the store."],
        "extractorVersion": ["type": ["string", "null"], "description": "Ignored: entities written through the API have none."],
    ]

    private static let eventMembers: [String: JSONValue] = [
        "id": ["type": "string", "description": "Only in PUT and PATCH bodies, and then the path's."],
        "type": S.ref("EventType"), "summary": text, "date": S.ref("EventDateInput"), "status": S.ref("EventStatus"),
        "location": ["type": ["string", "null"], "description": "The id of an entity the store holds."],
        "participants": S.array(S.ref("Participant")), "figures": S.array(S.ref("FigureInput")),
        "sources": S.array(S.ref("EventSource")), "confidence": ["type": "number", "minimum": 0, "maximum": 1],
        "extractorVersion": ["type": ["string", "null"], "description": "Ignored: events written through the API have none."],
        "said": nullableText,
    ]

    static let all: [String: JSONValue] = [
        "ArticleInput": input(
            "An article to ingest.",
            [
                "title": text, "body": text, "publishedAt": S.ref("Day"),
                "source": input("Where it came from.", ["name": text, "url": ["type": "string", "format": "uri"]], optional: ["url"]),
                "language": ["type": "string", "description": "A BCP 47 tag; `en` when left out."],
            ], optional: ["language"]),
        "ArticlePageInput": input(
            "An article as a web page: its text, headline, publication day, language, canonical URL and publication are read out of `html`; members sent beside it win over the page.",
            [
                "html": text, "title": text, "publishedAt": S.ref("Day"),
                "source": input(
                    "Where it came from; `url` defaults to the page's canonical link.",
                    ["name": text, "url": ["type": "string", "format": "uri"]], optional: ["name", "url"]),
                "language": ["type": "string", "description": "A BCP 47 tag; the page's, else `en`, when left out."],
            ], optional: ["title", "publishedAt", "source", "language"]),
        "ArticleBatchResult": S.object(
            "The answer to an NDJSON batch: how many lines made articles, were already held or failed, and each line's outcome.",
            ["created": S.count, "duplicates": S.count, "failed": S.count, "results": S.array(S.ref("ArticleBatchLine"))]),
        "ArticleBatchLine": S.object(
            "One non-blank line of a batch: 201 with the article made and its `location`, 200 with the article already held (`duplicate`), or the status and problem that answer the line.",
            [
                "line": ["type": "integer", "minimum": 1], "status": ["type": "integer", "minimum": 200, "maximum": 599],
                "article": S.string, "location": S.string, "duplicate": ["type": "boolean"], "problem": S.ref("Problem"),
            ], optional: ["article", "location", "duplicate", "problem"]),
        "ArticleWriteResult": S.object(
            "The article as stored, the entities it names and the events it created or merged into.",
            [
                "article": S.ref("Article"), "entities": ids,
                "events": S.object("Ids of events created and of events this article was merged into.", ["created": ids, "merged": ids]),
            ]),
        "EntityInput": input(
            "An entity to create or replace.", entityMembers,
            optional: [
                "id", "aliases", "description", "wikidataId", "coordinates", "mentionCount", "articleIds",
                "extractorVersion",
            ]),
        "EntityPatch": patch("A JSON Merge Patch of an entity: `null` removes a member.", entityMembers),
        "EntityMerge": S.object("The entity to merge into the one of the path.", ["id": text]),
        "EventDateInput": input(
            "When an event happened: `precision` follows from the shape of `value`; `earliest` and `latest` are derived when left out and checked when given.",
            [
                "value": ["type": "string", "pattern": .string(OpenAPIParameters.dateValuePattern)], "phrase": nullableText,
                "precision": S.ref("Precision"),
                "modifier": S.enumeration(EventDate.Modifier.self, "A word that shifts or widens the value."),
                "earliest": S.ref("Day"), "latest": S.ref("Day"),
            ], optional: ["phrase", "precision", "modifier", "earliest", "latest"]),
        "FigureInput": input(
            "A number an event report gives; `qualifier` is `exact` when left out.",
            [
                "kind": text, "value": S.number, "unit": nullableText,
                "qualifier": S.enumeration(Figure.Qualifier.self, "How exact the number is."), "text": nullableText,
            ], optional: ["unit", "qualifier", "text"]),
        "EventInput": input(
            "An event to create or replace.", eventMembers,
            optional: ["id", "date", "location", "figures", "sources", "confidence", "extractorVersion", "said"]),
        "EventPatch": patch(
            "A JSON Merge Patch of an event: `null` removes a member, `date` merges member by member, arrays replace.", eventMembers),
        "FieldError": S.object(
            "One field of a write's body and what is wrong with it.",
            [
                "field": ["type": "string", "description": "A path such as `participants[0].entityId`; `(body)` for the whole."],
                "problem": S.string,
            ]),
    ]
}
