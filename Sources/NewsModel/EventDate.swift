/// When an event happened, as honestly as the text allows: the phrase as written, the value at
/// the precision the phrase carries, and the range of days it can mean.
///
/// "late June" in an article of 2024-08-13 is `value: "2024-06"`, `precision: .month`,
/// `modifier: .late`, `earliest: 2024-06-21`, `latest: 2024-06-30`.
public struct EventDate: Codable, Sendable, Hashable {
    /// The words of the text (`late June`, `on Tuesday`).
    public var phrase: String
    /// `2024`, `2024-06` or `2024-06-25`, at `precision`; also, TIMEX3-style, a decade `199`, a
    /// quarter `2024-Q1`, a week `2024-W33` or a weekend `2024-W33-WE`.
    public var value: String
    public var precision: Precision
    public var modifier: Modifier?
    /// The first day the phrase can mean.
    public var earliest: Day
    /// The last day the phrase can mean.
    public var latest: Day

    public init(
        phrase: String, value: String, precision: Precision, modifier: Modifier? = nil,
        earliest: Day, latest: Day
    ) {
        self.phrase = phrase
        self.value = value
        self.precision = precision
        self.modifier = modifier
        self.earliest = earliest
        self.latest = latest
    }

    /// A whole day.
    public static func day(_ day: Day, phrase: String, modifier: Modifier? = nil) -> EventDate {
        EventDate(
            phrase: phrase, value: day.description, precision: .day, modifier: modifier,
            earliest: day, latest: day)
    }

    /// Whether the range of days overlaps `from...to` (either end open when nil).
    public func overlaps(from: Day?, to: Day?) -> Bool {
        if let from, latest < from { return false }
        if let to, earliest > to { return false }
        return true
    }

    /// How fine the value is.
    public enum Precision: String, Codable, Sendable, Hashable, CaseIterable {
        case year, month, day, week, quarter, decade

        /// From the coarsest (a decade, 0) to the finest (a day, 5).
        public var rank: Int {
            switch self {
            case .decade: 0
            case .year: 1
            case .quarter: 2
            case .month: 3
            case .week: 4
            case .day: 5
            }
        }
    }

    /// A word that shifts or widens the value.
    public enum Modifier: String, Codable, Sendable, Hashable, CaseIterable {
        case early, mid, late, before, after, since, until, about
    }
}
