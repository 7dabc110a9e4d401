import NewsModel

/// The last dates a text mentioned, at each unit, that phrases such as `the following day` or
/// `later that month` count from. Carried from sentence to sentence.
struct TimeAnchor: Sendable, Hashable {
    /// The first day of the last mentioned day, week, month and year.
    private var starts: [TimeUnit: Day] = [:]

    /// Whether the text has mentioned any date yet.
    private(set) var hasMentions = false
    /// The precision of the last date mentioned.
    private(set) var lastPrecision: EventDate.Precision?
    /// The first day of the last quarter named as such (`the third quarter`), not merely holding
    /// a day mentioned.
    private(set) var namedQuarter: Day?

    /// The first day of the last mentioned period of a unit, if the text mentioned one.
    func start(of unit: TimeUnit) -> Day? { starts[unit] }

    /// Takes a date the text mentions: it anchors every unit whose one period holds all of its
    /// days, and drops anchors of finer units that lie outside it (`in March` after `on May 2`
    /// leaves no day to count from).
    mutating func note(_ date: EventDate) {
        guard let (precision, days) = EventDate.parse(date.value) else { return }
        hasMentions = true
        lastPrecision = precision
        if precision == .quarter { namedQuarter = days.lowerBound }
        for unit in [TimeUnit.day, .week, .month, .quarter, .year] {
            let first = Self.periodStart(of: days.lowerBound, unit)
            if first == Self.periodStart(of: days.upperBound, unit) {
                starts[unit] = first
            } else if let old = starts[unit], !days.contains(old) {
                starts[unit] = nil
            }
        }
    }

    /// The first day of the day, ISO week, month, quarter or year holding `day`.
    static func periodStart(of day: Day, _ unit: TimeUnit) -> Day {
        switch unit {
        case .day: day
        case .week: day.monday
        case .month: Day.first(ofMonth: day.month, year: day.year)!
        case .quarter: Day.first(ofMonth: (day.month - 1) / 3 * 3 + 1, year: day.year)!
        case .year: Day(year: day.year, month: 1, day: 1)!
        }
    }
}
