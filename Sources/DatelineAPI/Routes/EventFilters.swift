import HTTPServer
import NewsModel

/// The filters `/events`, `/timeline` and `/entities/{id}/events` share, read into an `EventQuery`.
enum EventFilters {
    /// The filter parameters (not the paging ones).
    static let parameters: Set<String> = ["from", "to", "type", "entity", "location", "status", "q"]
    /// The paging and order parameters of event lists.
    static let paging: Set<String> = ["sort", "limit", "cursor"]
    /// Those that may repeat.
    static let repeatable: Set<String> = ["type", "entity"]

    /// The query the filters describe; paging fields are left at their defaults.
    static func query(_ parameters: QueryParameters) throws(HTTPError) -> EventQuery {
        var query = EventQuery()
        query.from = try parameters.day("from", .first)
        query.to = try parameters.day("to", .last)
        if let from = query.from, let to = query.to, from > to {
            throw APIError.badParameter("from", "(\(parameters.value("from")!)) must not come after to (\(parameters.value("to")!)).")
        }
        query.types = try parameters.choices("type", EventType.self)
        query.entities = try parameters.values("entity").map { id throws(HTTPError) in
            guard !id.isEmpty else { throw APIError.badParameter("entity", "must not be empty.") }
            return id
        }
        query.location = try parameters.text("location")
        query.status = try parameters.choice("status", EventStatus.self)
        query.text = try parameters.text("q")
        return query
    }

    /// The query with the paging parameters read too: `sort` (`date` or `-date`), `limit`, `cursor`.
    static func pagedQuery(_ parameters: QueryParameters) throws(HTTPError) -> EventQuery {
        var query = try self.query(parameters)
        switch parameters.value("sort") {
        case nil, "date": query.sort = .dateAscending
        case "-date": query.sort = .dateDescending
        case let other?: throw APIError.badParameter("sort", "must be date or -date, got \"\(other)\".")
        }
        query.limit = try parameters.limit()
        query.cursor = try parameters.text("cursor")
        return query
    }
}
