#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// Reading the dates feeds carry: RFC 822 (RSS `pubDate`, with the odd forms met in the wild)
/// and RFC 3339 (Atom, `dc:date`), either one tried when the other fails.
///
/// ```swift
/// FeedDate.parse("Tue, 13 Aug 2024 10:00:00 GMT")
/// FeedDate.parse("2024-08-13T13:00:00+03:00")  // the same instant
/// ```
public enum FeedDate {
    /// The instant `text` names, or nil when it is not a date either format can read.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmed()
        guard !trimmed.isEmpty else { return nil }
        if let first = trimmed.first, first.isNumber, trimmed.count >= 10, Array(trimmed.utf8)[4] == UInt8(ascii: "-") {
            return rfc3339(trimmed) ?? rfc822(trimmed)
        }
        return rfc822(trimmed) ?? rfc3339(trimmed)
    }

    /// Seconds since 1970 of a civil date and time in UTC, by Howard Hinnant's days-from-civil.
    static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Double, offsetSeconds: Int) -> Date? {
        guard (1...9_999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
            (0...59).contains(minute),
            second >= 0, second < 61
        else { return nil }
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 - offsetSeconds) + second
        return Date(timeIntervalSince1970: seconds)
    }
}
