import FoundationEssentials

/// Encodes response bodies: compact JSON with sorted keys (so equal values give equal bytes and
/// equal `ETag`s), or indented when asked; days as `YYYY-MM-DD` through `Day`'s own coding.
enum JSONBody {
    static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(value))
        if pretty { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    /// One compact JSON document a line.
    static func lines<T: Encodable>(_ values: [T]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8] = []
        for value in values {
            bytes += try encoder.encode(value)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
