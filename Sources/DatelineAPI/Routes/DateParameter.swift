import NewsModel

/// Dates in query parameters: a year, a month or a day, each standing for a range of days.
enum DateParameter {
    /// Which end of the range a bound takes: `from` the first day, `to` the last.
    enum End: Sendable {
        case first, last
    }

    /// The days `YYYY`, `YYYY-MM` or `YYYY-MM-DD` covers; nil for anything else, or a month or
    /// day that does not exist.
    static func parse(_ text: String) -> ClosedRange<Day>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for (part, width) in zip(parts, widths) {
            guard part.utf8.count == width, part.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(part) else {
                return nil
            }
            numbers.append(number)
        }
        switch numbers.count {
        case 1:
            guard let first = Day(year: numbers[0], month: 1, day: 1), let last = Day(year: numbers[0], month: 12, day: 31) else {
                return nil
            }
            return first...last
        case 2:
            guard let first = Day.first(ofMonth: numbers[1], year: numbers[0]),
                let last = Day.last(ofMonth: numbers[1], year: numbers[0])
            else { return nil }
            return first...last
        default:
            guard let day = Day(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
            return day...day
        }
    }
}
