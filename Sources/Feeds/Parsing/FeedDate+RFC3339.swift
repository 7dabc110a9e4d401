#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedDate {
    /// RFC 3339 and the ISO 8601 forms near it: `2024-08-13T10:00:00Z`, fractions of a second,
    /// `+03:00` or `+0300` offsets, a space for the `T`, a bare date (midnight UTC).
    static func rfc3339(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), let month = number(5..<7),
            bytes[7] == UInt8(ascii: "-"), let day = number(8..<10)
        else { return nil }
        guard bytes.count > 10 else {
            return date(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, offsetSeconds: 0)
        }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]), let hour = number(11..<13),
            bytes.count >= 16, bytes[13] == UInt8(ascii: ":"), let minute = number(14..<16)
        else { return nil }
        var index = 16
        var second = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            var end = index + 1
            while end < bytes.count, (48...57).contains(bytes[end]) || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ",") {
                end += 1
            }
            let field = String(String(decoding: bytes[(index + 1)..<end], as: UTF8.self).map { $0 == "," ? "." : $0 })
            guard let value = Double(field) else { return nil }
            second = value
            index = end
        }
        let zone = String(decoding: bytes[index...], as: UTF8.self).trimmed()
        let offset: Int?
        if zone.isEmpty || zone == "Z" || zone == "z" || zone.uppercased() == "UTC" || zone.uppercased() == "GMT" {
            offset = 0
        } else {
            offset = numericOffset(zone)
        }
        guard let offset else { return nil }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }
}
