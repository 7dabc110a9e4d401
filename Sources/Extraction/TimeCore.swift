import NewsModel

/// What a time phrase says, before it is placed on the calendar.
enum TimeCore: Sendable, Hashable {
    /// A full date (`2024-08-13`, `Aug. 1, 2022`).
    case day(Day)
    /// A day of a month without its year (`March 5`).
    case monthDay(month: Int, day: Int)
    /// The n-th weekday (1 is Monday) of a month, in the year the tense and publication day
    /// point to (`Thanksgiving`: the fourth Thursday of November).
    case nthWeekday(month: Int, weekday: Int, n: Int)
    /// A month, with its year or an offset from the publication year when given.
    case month(month: Int, year: Int?, yearOffset: Int?)
    case year(Int)
    /// A decade by its first year (`the 1990s`: 1990).
    case decade(Int)
    /// A quarter, with its year or an offset from the publication year when given.
    case quarter(Int, year: Int?, yearOffset: Int?)
    /// A weekday, with `last`, `next` or `this` before it.
    case weekday(Int, relative: String?)
    /// `the weekend`, with `last`, `next` or `this` before it.
    case weekend(relative: String?)
    /// The week holding a day (`the week of March 5`).
    indirect case weekOf(TimeCore)
    /// Days, weeks, months or years from the publication day (`yesterday`, `last week`).
    case relative(TimeUnit, Int)
    /// Days, weeks, months or years from the last date the text mentioned (`the following
    /// day`, `two days later`, `later that month`).
    case anchored(TimeUnit, Int)
    /// `later`: some time after the last date mentioned, up to the publication day.
    case afterAnchor
    /// A month named with `last`, `next` or `this` (`last November`).
    case relativeMonthName(Int, relative: String)
    /// `the quarter`, `the latest quarter`: the last quarter mentioned, else the last one ended.
    case latestQuarter
    /// `a year ago`, `a year earlier`, `the year-ago quarter`: the same quarter a year before
    /// when the last date mentioned is a quarter, else the year before the publication day
    /// (`a year ago`, `year-ago`, `year-earlier`) or before the last date mentioned (`a year
    /// earlier`).
    case yearEarlier(fromPublication: Bool)
}
