/// A JSON document as a value, the one such type of the server and the API: problem members,
/// write bodies and merge patches, configuration files and the OpenAPI document.
///
/// Numbers are `Double`, as JSON's are; ``JSONWriter`` and `Encodable` write whole numbers
/// without a fraction (`3`, not `3.0`). Objects are unordered; the writer sorts their keys.
///
/// ```swift
/// let schema: JSONValue = ["type": "integer", "minimum": 1]
/// let bytes = JSONWriter.bytes(schema)   // {"minimum":1,"type":"integer"}
/// ```
public enum JSONValue: Sendable, Hashable, Codable,
    ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A whole number.
    public static func int(_ value: Int) -> JSONValue { .number(Double(value)) }

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if let whole = Self.wholeNumber(value) { try container.encode(whole) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// `value` as an `Int` when it is whole and exactly representable (below 2^53), else nil.
    static func wholeNumber(_ value: Double) -> Int? {
        guard value == value.rounded(), abs(value) < 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// The text of a string; nil for anything else.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// A number; nil for anything else.
    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The elements of an array; nil for anything else.
    public var items: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The members of an object; nil for anything else.
    public var members: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// This object with the members of `other` added (theirs win); `other` itself when either
    /// is not an object.
    public func merging(_ other: JSONValue) -> JSONValue {
        guard case .object(let mine) = self, case .object(let theirs) = other else { return other }
        return .object(mine.merging(theirs) { _, new in new })
    }

    /// What kind of value this is, for messages (`a string`, `null`).
    public var kindDescription: String {
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
