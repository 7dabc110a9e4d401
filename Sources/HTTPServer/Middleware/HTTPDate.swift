#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP dates (RFC 9110 section 5.6.7): IMF-fixdate out, all three historic forms in.
///
/// Formatting uses `gmtime_r` and a fixed byte layout, cheap enough for a `Date` header on
/// every response.
///
/// ```swift
/// HTTPDate.format(secondsSince1970: 784_111_777)   // "Sun, 06 Nov 1994 08:49:37 GMT"
/// HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT")   // 784111777
/// ```
public enum HTTPDate {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let longWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate for a time in seconds since 1970-01-01 UTC (`Sun, 06 Nov 1994 08:49:37 GMT`).
    public static func format(secondsSince1970 seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        guard gmtime_r(&time, &parts) != nil, (0...9999).contains(Int(parts.tm_year) + 1900) else {
            return "Thu, 01 Jan 1970 00:00:00 GMT"
        }
        var out: [UInt8] = []
        out.reserveCapacity(29)
        out.append(contentsOf: weekdays[Int(parts.tm_wday)].utf8)
        out.append(contentsOf: ", ".utf8)
        appendDigits(Int(parts.tm_mday), width: 2, to: &out)
        out.append(0x20)
        out.append(contentsOf: months[Int(parts.tm_mon)].utf8)
        out.append(0x20)
        appendDigits(Int(parts.tm_year) + 1900, width: 4, to: &out)
        out.append(0x20)
        appendDigits(Int(parts.tm_hour), width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(Int(parts.tm_min), width: 2, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(Int(parts.tm_sec), width: 2, to: &out)
        out.append(contentsOf: " GMT".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The time in seconds since 1970 that an HTTP date names, or nil when the text is not one.
    ///
    /// Reads IMF-fixdate, the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`, a
    /// two-digit year more than 50 years ahead read as the past century) and asctime
    /// (`Sun Nov  6 08:49:37 1994`). The weekday is checked for form only.
    public static func parse(_ text: String) -> Int? {
        var scanner = FieldScanner(text)
        guard let weekday = scanner.letters() else { return nil }
        if scanner.take(UInt8(ascii: ",")) {
            guard scanner.take(0x20) else { return nil }
            if weekdays.contains(weekday) {
                return imfFixdate(&scanner)
            } else if longWeekdays.contains(weekday) {
                return rfc850(&scanner)
            }
            return nil
        }
        guard weekdays.contains(weekday), scanner.take(0x20) else { return nil }
        return asctime(&scanner)
    }

    // `06 Nov 1994 08:49:37 GMT`
    private static func imfFixdate(_ scanner: inout FieldScanner) -> Int? {
        guard let day = scanner.digits(2), scanner.take(0x20),
            let month = scanner.month(months), scanner.take(0x20),
            let year = scanner.digits(4), scanner.take(0x20),
            let time = scanner.timeOfDay(), scanner.literal(" GMT"), scanner.atEnd
        else { return nil }
        return seconds(year: year, month: month, day: day, time: time)
    }

    // `06-Nov-94 08:49:37 GMT`
    private static func rfc850(_ scanner: inout FieldScanner) -> Int? {
        guard let day = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
            let month = scanner.month(months), scanner.take(UInt8(ascii: "-")),
            let shortYear = scanner.digits(2), scanner.take(0x20),
            let clock = scanner.timeOfDay(), scanner.literal(" GMT"), scanner.atEnd
        else { return nil }
        // RFC 9110: a year that would be more than 50 years in the future is in the past century.
        var now = time(nil)
        var parts = tm()
        guard gmtime_r(&now, &parts) != nil else { return nil }
        let currentYear = Int(parts.tm_year) + 1900
        var year = (currentYear / 100) * 100 + shortYear
        if year > currentYear + 50 { year -= 100 }
        return seconds(year: year, month: month, day: day, time: clock)
    }

    // `Nov  6 08:49:37 1994`
    private static func asctime(_ scanner: inout FieldScanner) -> Int? {
        guard let month = scanner.month(months), scanner.take(0x20) else { return nil }
        let day: Int
        if scanner.take(0x20) {
            guard let digit = scanner.digits(1) else { return nil }
            day = digit
        } else {
            guard let digits = scanner.digits(2) else { return nil }
            day = digits
        }
        guard scanner.take(0x20), let time = scanner.timeOfDay(), scanner.take(0x20),
            let year = scanner.digits(4), scanner.atEnd
        else { return nil }
        return seconds(year: year, month: month, day: day, time: time)
    }

    private static func seconds(year: Int, month: Int, day: Int, time: (hour: Int, minute: Int, second: Int)) -> Int? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(time.hour), (0...59).contains(time.minute), (0...60).contains(time.second)
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86_400
            + time.hour * 3_600 + time.minute * 60 + time.second
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func appendDigits(_ value: Int, width: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

extension FieldScanner {
    fileprivate mutating func letters() -> String? {
        let start = index
        while index < bytes.count, (UInt8(ascii: "A")...UInt8(ascii: "z")).contains(bytes[index]) { index += 1 }
        return index > start ? String(decoding: bytes[start..<index], as: UTF8.self) : nil
    }

    fileprivate mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }

    fileprivate mutating func month(_ names: [String]) -> Int? {
        guard index + 3 <= bytes.count else { return nil }
        let name = String(decoding: bytes[index..<index + 3], as: UTF8.self)
        guard let position = names.firstIndex(of: name) else { return nil }
        index += 3
        return position + 1
    }

    fileprivate mutating func timeOfDay() -> (hour: Int, minute: Int, second: Int)? {
        guard let hour = digits(2), take(UInt8(ascii: ":")), let minute = digits(2),
            take(UInt8(ascii: ":")), let second = digits(2)
        else { return nil }
        return (hour, minute, second)
    }
}
