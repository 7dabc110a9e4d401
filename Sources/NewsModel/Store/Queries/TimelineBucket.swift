/// How many events fall in one year, month or day.
public struct TimelineBucket: Codable, Sendable, Hashable {
    /// `2024`, `2024-06` or `2024-06-13`.
    public var key: String
    /// The precision of `key`: the granularity asked for, or coarser for events whose date is
    /// coarser than it.
    public var precision: EventDate.Precision
    public var count: Int

    public init(key: String, precision: EventDate.Precision, count: Int) {
        self.key = key
        self.precision = precision
        self.count = count
    }

    /// The size of the buckets.
    public enum Granularity: String, Codable, Sendable, Hashable, CaseIterable {
        case year, month, day
    }
}
