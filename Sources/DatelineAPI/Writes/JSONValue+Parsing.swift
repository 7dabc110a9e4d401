import FoundationEssentials
import HTTPServer

/// Reading write bodies: strict parsing, and the JSON form of what the read routes answer.
extension JSONValue {
    /// Parses JSON bytes; nil when they are not one well-formed JSON document (RFC 8259: the
    /// trailing commas Foundation's decoder lets through are refused too).
    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        guard !hasTrailingComma(bytes) else { return nil }
        return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// Whether a `,` outside strings is followed, after white space, by `]` or `}`.
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        var afterComma = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if afterComma { return true }
            case UInt8(ascii: "\""):
                inString = true
            default:
                break
            }
            afterComma = byte == UInt8(ascii: ",")
        }
        return false
    }

    /// The JSON form of an encodable value, as the read routes write it.
    static func of(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(JSONBody.encode(value)))
    }
}
