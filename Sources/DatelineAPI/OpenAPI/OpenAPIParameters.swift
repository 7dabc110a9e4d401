import HTTPServer
import NewsModel

/// The query and path parameters, as OpenAPI parameter objects.
enum OpenAPIParameters {
    static func query(
        _ name: String, _ description: String, _ schema: JSONValue, required: Bool = false,
        explode: Bool? = nil
    ) -> JSONValue {
        var parameter: JSONValue = [
            "name": .string(name), "in": "query", "description": .string(description),
            "required": .bool(required), "schema": schema,
        ]
        if let explode { parameter = parameter.merging(["style": "form", "explode": .bool(explode)]) }
        return parameter
    }

    static func id(_ kind: String) -> JSONValue {
        [
            "name": "id", "in": "path", "required": true, "description": .string("The \(kind) id."),
            "schema": ["type": "string", "minLength": 1],
        ]
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a month or day that exists.
    static let datePattern: String = {
        let monthDay = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        let leapYear = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
        return "^(?:[0-9]{4}(?:-(?:0[1-9]|1[0-2]))?|[0-9]{4}-\(monthDay)|\(leapYear)-02-29)$"
    }()

    /// An event date's value: a `datePattern` date, or TIMEX3-style a decade `YYY`, a quarter
    /// `YYYY-Qn`, a week `YYYY-Www` or a weekend `YYYY-Www-WE` (week 53 only in the years that have one).
    static let dateValuePattern: String = {
        let plain = datePattern.dropFirst().dropLast()
        return "^(?:\(plain)|[0-9]{3}|[0-9]{4}-Q[1-4]|[0-9]{4}-W(?:0[1-9]|[1-4][0-9]|5[0-3])(?:-WE)?)$"
    }()

    static let pretty = query(
        "pretty", "Indent the JSON: present without a value, `1` or `true`; `0` or `false` leave it compact.",
        ["type": "string", "enum": ["", "1", "true", "0", "false"]])

    static func format(_ offered: [Representation]) -> JSONValue {
        query(
            "format", "The representation, overriding `Accept`.", ["type": "string", "enum": .array(offered.map { .string($0.rawValue) })])
    }

    static let limit = query("limit", "Items per page.", ["type": "integer", "minimum": 1, "maximum": 500, "default": 50])
    static let cursor = query("cursor", "The `next` of the previous page, with the same filters.", ["type": "string", "minLength": 1])

    static let from = query(
        "from", "Events whose dates overlap this day or later; a year or month means its first day.",
        ["type": "string", "pattern": .string(datePattern)])
    static let to = query(
        "to", "Events whose dates overlap this day or earlier; a year or month means its last day.",
        ["type": "string", "pattern": .string(datePattern)])
    static let eventType = query(
        "type", "Event types, any of them; repeat the parameter or separate with commas.",
        ["type": "array", "items": OpenAPISchemas.ref("EventType")], explode: true)
    static let entity = query(
        "entity", "Entity ids that must all take part; repeat for more than one.",
        ["type": "array", "items": ["type": "string", "minLength": 1]], explode: true)
    static let location = query("location", "The entity id of the place.", ["type": "string", "minLength": 1])
    static let status = query("status", "The event status.", OpenAPISchemas.ref("EventStatus"))
    static let eventText = query("q", "Words that must all occur in the summary or a source quote.", ["type": "string", "minLength": 1])
    static let sort = query(
        "sort", "`date` oldest first, `-date` newest first; undated events come last.",
        ["type": "string", "enum": ["date", "-date"], "default": "date"])
    static let granularity = query(
        "granularity", "The size of the buckets.",
        OpenAPISchemas.enumeration(TimelineBucket.Granularity.self, "Bucket size.").merging(["default": "month"]))
    static let entityType = query("type", "Only entities of this type.", OpenAPISchemas.ref("EntityType"))
    static let entityText = query("q", "Words that must all occur in the name or an alias.", ["type": "string", "minLength": 1])
    static let searchText = query("q", "The words to search for.", ["type": "string", "minLength": 1], required: true)

    /// The filters of `/events` and `/timeline`.
    static let eventFilters = [from, to, eventType, entity, location, status, eventText]
    static let placeLimit = query(
        "limit", "Places to list at most.",
        [
            "type": "integer", "minimum": 1, "maximum": .number(Double(PlaceRoutes.defaultLimit)),
            "default": .number(Double(PlaceRoutes.defaultLimit)),
        ])

    /// A request header field.
    static func header(_ name: String, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "header", "required": false, "description": .string(description), "schema": ["type": "string"]]
    }
}
