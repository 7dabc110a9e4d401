extension EventDate {
    /// A whole year (`2024`).
    public static func year(_ year: Int, phrase: String = "") -> EventDate? {
        guard let (precision, days) = parse(Day.pad(year, 4)) else { return nil }
        return EventDate(phrase: phrase, value: Day.pad(year, 4), precision: precision, earliest: days.lowerBound, latest: days.upperBound)
    }

    /// A whole month (`2024-06`).
    public static func month(_ month: Int, year: Int, phrase: String = "") -> EventDate? {
        make(Day.pad(year, 4) + "-" + Day.pad(month, 2), phrase: phrase)
    }

    /// A quarter of a year (`2024-Q1`, January to March).
    public static func quarter(_ quarter: Int, year: Int, phrase: String = "") -> EventDate? {
        make(Day.pad(year, 4) + "-Q\(quarter)", phrase: phrase)
    }

    /// A decade, written as its first three digits (`199` for the 1990s).
    public static func decade(startingIn year: Int, phrase: String = "") -> EventDate? {
        guard year % 10 == 0 else { return nil }
        return make(Day.pad(year / 10, 3), phrase: phrase)
    }

    /// The ISO week holding a day (`2024-W33`, Monday to Sunday).
    public static func week(containing day: Day, phrase: String = "") -> EventDate {
        let (y, w) = day.isoWeek
        return make(Day.pad(y, 4) + "-W" + Day.pad(w, 2), phrase: phrase)!
    }

    /// The weekend of the ISO week holding a day (`2024-W33-WE`, Saturday and Sunday).
    public static func weekend(of day: Day, phrase: String = "") -> EventDate {
        let (y, w) = day.isoWeek
        return make(Day.pad(y, 4) + "-W" + Day.pad(w, 2) + "-WE", phrase: phrase)!
    }

    private static func make(_ value: String, phrase: String) -> EventDate? {
        guard let (precision, days) = parse(value) else { return nil }
        return EventDate(phrase: phrase, value: value, precision: precision, earliest: days.lowerBound, latest: days.upperBound)
    }

    /// The precision a value's shape gives and the days it names, TIMEX3-style: `199` (a
    /// decade), `2024`, `2024-Q1`, `2024-06`, `2024-W33`, `2024-W33-WE` (a weekend, at week
    /// precision) or `2024-06-25`. Nil for any other shape, or a month, week or day that does
    /// not exist.
    public static func parse(_ value: String) -> (Precision, ClosedRange<Day>)? {
        // Of all the shapes, only a day's takes ten bytes: read it without splitting.
        if value.utf8.count == 10 { return Day(value).map { (.day, $0...$0) } }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        func number(_ text: String, _ width: Int) -> Int? {
            guard text.utf8.count == width, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
            return Int(text)
        }
        if parts.count == 1, let decade = number(parts[0], 3) {
            guard let first = Day(year: decade * 10, month: 1, day: 1), let last = Day(year: decade * 10 + 9, month: 12, day: 31) else {
                return nil
            }
            return (.decade, first...last)
        }
        guard let year = number(parts[0], 4) else { return nil }
        switch parts.count {
        case 1:
            return (.year, Day(year: year, month: 1, day: 1)!...Day(year: year, month: 12, day: 31)!)
        case 2 where parts[1].hasPrefix("Q"):
            guard let q = number(String(parts[1].dropFirst()), 1), (1...4).contains(q) else { return nil }
            return (.quarter, Day.first(ofMonth: q * 3 - 2, year: year)!...Day.last(ofMonth: q * 3, year: year)!)
        case _ where parts[1].hasPrefix("W"):
            guard parts.count <= 3, let w = number(String(parts[1].dropFirst()), 2), parts.count == 2 || parts[2] == "WE",
                let monday = Day(isoYear: year, week: w, weekday: 1)
            else { return nil }
            return parts.count == 2 ? (.week, monday...monday.adding(days: 6)) : (.week, monday.adding(days: 5)...monday.adding(days: 6))
        case 2:
            guard let m = number(parts[1], 2), let first = Day.first(ofMonth: m, year: year), let last = Day.last(ofMonth: m, year: year)
            else { return nil }
            return (.month, first...last)
        case 3:
            guard let m = number(parts[1], 2), let d = number(parts[2], 2), let day = Day(year: year, month: m, day: d) else { return nil }
            return (.day, day...day)
        default:
            return nil
        }
    }
}

extension EventDate {
    /// The days of a value (`base`, at `precision`) once `early`, `mid` or `late` narrows them:
    /// the first ten days of a month, its middle ten, the rest; January to April of a year, May
    /// to August, September to December; the first, second or third month of a quarter; a
    /// decade's years 0 to 3, 4 to 6, 7 to 9. Other modifiers and precisions keep `base`.
    public static func narrow(_ base: ClosedRange<Day>, precision: Precision, by modifier: Modifier?) -> ClosedRange<Day> {
        guard let modifier, let part = [Modifier.early: 0, .mid: 1, .late: 2][modifier] else { return base }
        let start = base.lowerBound
        switch precision {
        case .month:
            let days = [(1, 10), (11, 20), (21, Day.daysIn(month: start.month, year: start.year))][part]
            return Day(year: start.year, month: start.month, day: days.0)!...Day(year: start.year, month: start.month, day: days.1)!
        case .year:
            let months = [(1, 4), (5, 8), (9, 12)][part]
            return Day.first(ofMonth: months.0, year: start.year)!...Day.last(ofMonth: months.1, year: start.year)!
        case .quarter:
            let month = start.month + part
            return Day.first(ofMonth: month, year: start.year)!...Day.last(ofMonth: month, year: start.year)!
        case .decade:
            let years = [(0, 3), (4, 6), (7, 9)][part]
            return Day(year: start.year + years.0, month: 1, day: 1)!...Day(year: start.year + years.1, month: 12, day: 31)!
        case .day, .week:
            return base
        }
    }
}
