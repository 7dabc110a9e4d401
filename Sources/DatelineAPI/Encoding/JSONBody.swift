import FoundationEssentials
import HTTPServer

/// Encodes response bodies: compact JSON with sorted keys (so equal values give equal bytes and
/// equal `ETag`s), or indented when asked; days as `YYYY-MM-DD` through `Day`'s own coding.
///
/// Compact bodies come from `CompactJSONEncoder`, which writes what `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`, two to four times faster; indented ones from
/// `JSONEncoder`.
enum JSONBody {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> [UInt8] {
        guard pretty else { return try CompactJSONEncoder().encode(value) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        var bytes = Array(try encoder.encode(value))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// One compact JSON document a line.
    static func lines<T: Encodable>(_ values: [T]) throws -> [UInt8] {
        let encoder = CompactJSONEncoder()
        var bytes: [UInt8] = []
        for value in values {
            try encoder.encode(value, appendingTo: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
