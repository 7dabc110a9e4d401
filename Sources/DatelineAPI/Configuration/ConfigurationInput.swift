import HTTPServer

/// A value for a configuration key as given: JSON from the configuration file, or raw text from
/// the environment or a flag, read as whatever the key needs.
enum ConfigurationInput: Sendable, CustomStringConvertible {
    case json(JSONValue)
    case text(String)

    /// The leaves of a configuration file's object, keyed by dotted paths (`{"timeouts":
    /// {"idle": 5}}` gives `timeouts.idle`).
    static func leaves(of value: JSONValue, prefix: String = "") -> [(String, ConfigurationInput)] {
        guard case .object(let members) = value else { return [(prefix, .json(value))] }
        return members.keys.sorted().flatMap { key in
            leaves(of: members[key]!, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
        }
    }

    var integer: Int? {
        switch self {
        case .json(.number(let value)) where value == value.rounded() && abs(value) < 1e15: Int(value)
        case .text(let text): Int(text.trimmingWhitespace)
        default: nil
        }
    }

    var number: Double? {
        switch self {
        case .json(.number(let value)): value
        case .text(let text): Double(text.trimmingWhitespace).flatMap { $0.isFinite ? $0 : nil }
        default: nil
        }
    }

    var string: String? {
        switch self {
        case .json(.string(let text)), .text(let text): text
        default: nil
        }
    }

    var boolean: Bool? {
        switch self {
        case .json(.bool(let value)): value
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
        case .json(.array(let items)):
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
        case .json(.null): "null"
        case .json(.bool(let value)): String(value)
        case .json(.number(let value)): String(value)
        case .json(.string(let text)), .text(let text): "\"\(text)\""
        case .json(.array): "a list"
        case .json(.object): "an object"
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
