#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The current time as RFC 3339 with milliseconds in UTC (`2026-03-01T09:30:00.123Z`), written
/// as bytes from the clock with arithmetic alone: no calendar, no formatter, no lock.
enum LogTimestamp {
    /// The current time as text.
    static func now() -> String {
        var out: [UInt8] = []
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the current time, without quotes.
    static func append(to out: inout [UInt8]) {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        append(seconds: Int(spec.tv_sec), milliseconds: Int(spec.tv_nsec) / 1_000_000, to: &out)
    }

    /// Appends the time `seconds` after the Unix epoch plus `milliseconds`.
    static func append(seconds: Int, milliseconds: Int, to out: inout [UInt8]) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(daysSinceEpoch: days)
        if (0...9999).contains(year) {
            fixed(year / 100, &out)
            fixed(year % 100, &out)
        } else {
            digits(year, 4, &out)
        }
        out.append(UInt8(ascii: "-"))
        fixed(month, &out)
        out.append(UInt8(ascii: "-"))
        fixed(day, &out)
        out.append(UInt8(ascii: "T"))
        fixed(secondOfDay / 3600, &out)
        out.append(UInt8(ascii: ":"))
        fixed(secondOfDay / 60 % 60, &out)
        out.append(UInt8(ascii: ":"))
        fixed(secondOfDay % 60, &out)
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + UInt8(milliseconds / 100))
        fixed(milliseconds % 100, &out)
        out.append(UInt8(ascii: "Z"))
    }

    /// Appends `value` (0 to 99) as exactly two digits.
    @inline(__always)
    private static func fixed(_ value: Int, _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / 10))
        out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value % 10))
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    static func civil(daysSinceEpoch: Int) -> (year: Int, month: Int, day: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Appends `value` in decimal, zero-padded to at least `width` digits.
    static func digits(_ value: Int, _ width: Int, _ out: inout [UInt8]) {
        var scratch:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value.magnitude
        withUnsafeMutableBytes(of: &scratch) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            while count < width {
                buffer[count] = UInt8(ascii: "0")
                count += 1
            }
            if value < 0 { out.append(UInt8(ascii: "-")) }
            for index in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[index]) }
        }
    }
}
