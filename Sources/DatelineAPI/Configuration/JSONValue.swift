/// A JSON value as read from a configuration file, or a raw text from the environment or a flag.
enum JSONValue: Decodable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// Text from the environment or a flag, read as whatever the key needs.
    case text(String)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Leaves keyed by dotted paths (`{"timeouts": {"idle": 5}}` gives `timeouts.idle`).
    func flattened(prefix: String = "") -> [(String, JSONValue)] {
        guard case .object(let members) = self else { return [(prefix, self)] }
        return members.keys.sorted().flatMap { key in
            members[key]!.flattened(prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
        }
    }

    var integer: Int? {
        switch self {
        case .number(let value) where value == value.rounded() && abs(value) < 1e15: Int(value)
        case .text(let text): Int(text.trimmingWhitespace)
        default: nil
        }
    }

    var number: Double? {
        switch self {
        case .number(let value): value
        case .text(let text): Double(text.trimmingWhitespace).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    var string: String? {
        switch self {
        case .string(let text), .text(let text): text
        default: nil
        }
    }

    var boolean: Bool? {
        switch self {
        case .bool(let value): value
        case .text(let text):
            switch text.trimmingWhitespace.lowercased() {
            case "true", "1", "yes", "on": true
            case "false", "0", "no", "off": false
            default: nil
            }
        default: nil
        }
    }

    var list: [String]? {
        switch self {
        case .array(let items):
            let strings = items.compactMap(\.string)
            return strings.count == items.count ? strings : nil
        case .text(let text):
            return text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        default:
            return nil
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .number(let value): String(value)
        case .string(let text), .text(let text): "\"\(text)\""
        case .array: "a list"
        case .object: "an object"
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
