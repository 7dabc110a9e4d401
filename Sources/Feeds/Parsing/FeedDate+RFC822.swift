#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedDate {
    /// RFC 822 and 2822 dates as feeds write them: `Tue, 13 Aug 2024 10:00:00 GMT`, with or
    /// without the weekday and seconds, two- or four-digit years, numeric (`+0300`, `+03:00`)
    /// or named (`EST`, `PDT`) zones, dashes between the parts, or the month before the day.
    static func rfc822(_ text: String) -> Date? {
        var day: Int?
        var month: Int?
        var year: Int?
        var time: (hour: Int, minute: Int, second: Double)?
        var offset: Int?
        for token in tokens(text) {
            if let letters = token.first, letters.isLetter {
                if month == nil, let found = monthNumber(token) {
                    month = found
                } else if offset == nil, let zone = zoneOffsets[token.uppercased()] {
                    offset = zone
                }
                // Weekdays and unknown words are skipped.
            } else if token.first == "+" || (token.first == "-" && token.count > 1) {
                offset = numericOffset(token)
            } else if token.contains(":") {
                time = clock(token)
            } else if let number = Int(token) {
                if day == nil, token.count <= 2, number >= 1, number <= 31, year == nil || month != nil {
                    day = number
                } else if year == nil {
                    year = token.count <= 2 ? (number < 50 ? 2000 + number : 1900 + number) : number
                } else if day == nil {
                    day = number
                }
            }
        }
        guard let day, let month, let year else { return nil }
        let clock = time ?? (0, 0, 0)
        return date(
            year: year, month: month, day: day, hour: clock.hour, minute: clock.minute, second: clock.second,
            offsetSeconds: offset ?? 0)
    }

    /// Words, numbers, times and zones: split on spaces and commas, and on dashes between
    /// day, month and year (`13-Aug-2024`), keeping a sign that starts a zone.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            if word.contains("-"), !word.hasPrefix("-"), !word.contains(":") {
                tokens += word.split(separator: "-").map(String.init)
            } else if let dash = word.dropFirst().firstIndex(where: { $0 == "+" || $0 == "-" }), word.contains(":"),
                word[..<dash].contains(":")
            {
                // A time glued to its zone: `10:00:00+0300`.
                tokens.append(String(word[..<dash]))
                tokens.append(String(word[dash...]))
            } else {
                tokens.append(String(word))
            }
        }
        return tokens.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
    }

    private static func monthNumber(_ word: String) -> Int? {
        let prefix = word.prefix(3).lowercased()
        return months.firstIndex(of: prefix).map { $0 + 1 }
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func clock(_ token: String) -> (Int, Int, Double)? {
        let parts = token.split(separator: ":")
        guard parts.count >= 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        let second = parts.count > 2 ? Double(parts[2]) ?? 0 : 0
        return (hour, minute, second)
    }

    /// `+0300`, `-05:00`, `+03` as seconds east of UTC.
    static func numericOffset(_ token: String) -> Int? {
        guard let sign = token.first, sign == "+" || sign == "-" else { return nil }
        let digits = token.dropFirst().filter(\.isNumber)
        guard digits.count == 4 || digits.count == 2, let value = Int(digits) else { return nil }
        let hours = digits.count == 4 ? value / 100 : value
        let minutes = digits.count == 4 ? value % 100 : 0
        let seconds = hours * 3_600 + minutes * 60
        return sign == "-" ? -seconds : seconds
    }

    /// Zone names in use in feeds, as seconds east of UTC.
    private static let zoneOffsets: [String: Int] = [
        "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 3_600, "IST": 19_800, "CET": 3_600, "CEST": 7_200, "MET": 3_600,
        "MEST": 7_200, "EET": 7_200, "EEST": 10_800, "MSK": 10_800, "EST": -18_000, "EDT": -14_400, "CST": -21_600,
        "CDT": -18_000, "MST": -25_200, "MDT": -21_600, "PST": -28_800, "PDT": -25_200, "AKST": -32_400, "AKDT": -28_800,
        "HST": -36_000, "JST": 32_400, "KST": 32_400, "HKT": 28_800, "SGT": 28_800, "AEST": 36_000, "AEDT": 39_600,
        "ACST": 34_200, "AWST": 28_800, "NZST": 43_200, "NZDT": 46_800,
    ]
}
