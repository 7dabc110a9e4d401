import FoundationEssentials

/// A JSON document as a value: what write requests carry, what merge patches change, and what
/// validation reads field by field.
enum JSONTree: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Parses JSON bytes; nil when they are not one well-formed JSON document (RFC 8259: the
    /// trailing commas Foundation's decoder lets through are refused too).
    static func parse(_ bytes: [UInt8]) -> JSONTree? {
        guard !hasTrailingComma(bytes) else { return nil }
        return try? JSONDecoder().decode(JSONTree.self, from: Data(bytes))
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
    static func of(_ value: some Encodable) throws -> JSONTree {
        try JSONDecoder().decode(JSONTree.self, from: Data(JSONBody.encode(value)))
    }

    /// The members of an object; nil for anything else.
    var members: [String: JSONTree]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// What kind of value this is, for messages (`a string`, `null`).
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
