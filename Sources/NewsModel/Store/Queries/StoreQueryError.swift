/// Why a query was refused.
public enum StoreQueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cursor could not be read; the text says what was wrong with it.
    case malformedCursor(String)
    /// The cursor was made for other filters or another sort.
    case cursorMismatch
    /// The limit is outside `1...maxLimit`.
    case invalidLimit(Int)
    /// `from` is after `to`.
    case invalidDateRange(from: Day, to: Day)

    public var description: String {
        switch self {
        case .malformedCursor(let reason): "malformed cursor: \(reason)"
        case .cursorMismatch: "the cursor belongs to a query with other filters or another sort"
        case .invalidLimit(let limit): "limit must be between 1 and \(EventQuery.maxLimit), got \(limit)"
        case .invalidDateRange(let from, let to): "from (\(from)) is after to (\(to))"
        }
    }
}
