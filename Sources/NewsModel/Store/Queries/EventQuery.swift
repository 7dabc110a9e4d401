/// Which events to list, in what order, and which page.
///
/// All filters must hold. The date filter keeps events whose range of days
/// (`EventDate.earliest...latest`) overlaps `from...to`, so an event dated `2024-06` (the whole
/// month) matches `from: 2024-06-20`; undated events never match a date filter.
public struct EventQuery: Sendable, Hashable {
    public var from: Day?
    public var to: Day?
    /// Any of these types; empty for all.
    public var types: Set<EventType>
    /// Entity ids that must all take part (as participant or as location).
    public var entities: [String]
    /// The entity id of the place.
    public var location: String?
    public var status: EventStatus?
    /// Words that must all occur in the summary or a source quote.
    public var text: String?
    public var sort: Sort
    /// Items per page, 1 to ``EventQuery/maxLimit``.
    public var limit: Int
    /// The `next` of the previous page, made with the same filters and sort.
    public var cursor: String?

    /// The largest page.
    public static let maxLimit = 1000

    public init(
        from: Day? = nil, to: Day? = nil, types: Set<EventType> = [], entities: [String] = [],
        location: String? = nil, status: EventStatus? = nil, text: String? = nil,
        sort: Sort = .dateAscending, limit: Int = 50, cursor: String? = nil
    ) {
        self.from = from
        self.to = to
        self.types = types
        self.entities = entities
        self.location = location
        self.status = status
        self.text = text
        self.sort = sort
        self.limit = limit
        self.cursor = cursor
    }

    /// Date order, by the first day an event can mean, then by the order the store first saw
    /// the events; undated events come last in both orders.
    public enum Sort: String, Codable, Sendable, Hashable, CaseIterable {
        case dateAscending, dateDescending
    }

    /// A stable text of the filters and sort (not the limit or cursor) that a cursor is tied to.
    var filterSignature: String {
        [
            "from=\(from?.description ?? "")",
            "to=\(to?.description ?? "")",
            "types=\(types.map(\.rawValue).sorted().joined(separator: ","))",
            "entities=\(Set(entities).sorted().joined(separator: ","))",
            "location=\(location ?? "")",
            "status=\(status?.rawValue ?? "")",
            "text=\(TextNormalizer.tokens(text ?? "").joined(separator: " "))",
            "sort=\(sort.rawValue)",
        ].joined(separator: ";")
    }
}
