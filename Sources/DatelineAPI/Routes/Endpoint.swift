/// What one route accepts: its query parameters and the representations it offers, the first
/// being the default.
struct Endpoint: Sendable {
    var parameters: Set<String>
    var repeatable: Set<String> = []
    var representations: [Representation] = [.json]

    /// A single resource: JSON only, no parameters of its own.
    static let single = Endpoint(parameters: [])
    /// A list paged with `limit` and `cursor`, as JSON or NDJSON.
    static let pagedList = Endpoint(parameters: ["limit", "cursor"], representations: [.json, .ndjson])
}
