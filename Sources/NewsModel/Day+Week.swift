extension Day {
    /// The ISO 8601 week-numbering year and week of the day (`2024-08-13` is in 2024's week 33;
    /// `2024-12-30` is in 2025's week 1).
    public var isoWeek: (year: Int, week: Int) {
        // A week belongs to the year its Thursday falls in.
        let thursday = adding(days: 4 - weekday)
        let january1 = Day(year: thursday.year, month: 1, day: 1)!
        return (thursday.year, (thursday.ordinal - january1.ordinal) / 7 + 1)
    }

    /// The day of an ISO week (`weekday` 1 is Monday); nil when the year has no such week.
    public init?(isoYear: Int, week: Int, weekday: Int) {
        guard (1...53).contains(week), (1...7).contains(weekday),
            let january4 = Day(year: isoYear, month: 1, day: 4)
        else { return nil }
        // January 4th always lies in week 1.
        let monday = january4.adding(days: 1 - january4.weekday)
        let day = monday.adding(days: (week - 1) * 7 + weekday - 1)
        guard day.isoWeek.year == isoYear else { return nil }
        self = day
    }

    /// The Monday of the day's ISO week.
    public var monday: Day { adding(days: 1 - weekday) }
}
