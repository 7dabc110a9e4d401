/// Reads one JSON document (RFC 8259) from UTF-8 bytes into a ``JSONValue``, strictly and in a
/// single pass, with no decoder in between.
///
/// A document is exactly one value, with only space, tab, line feed and carriage return around
/// and between its tokens. Everything else is refused with nil: trailing commas, comments,
/// numbers JSON does not spell (`01`, `+1`, `.5`, `1.`, `NaN`), unescaped control characters
/// and unknown escapes in strings, invalid UTF-8, and nesting deeper than ``maximumDepth``.
///
/// Where RFC 8259 leaves a choice, the parser answers as Foundation's `JSONDecoder` does when it
/// decodes `JSONValue`:
/// - when an object repeats a key, the first member wins;
/// - a `\u` escape of a lone surrogate (`"\ud800"`, `"\udc00"`) is refused;
/// - a number is read as `Double(String)` reads its text, and refused when that is infinite
///   (`1e400`) or is zero from digits that are not all zero (`1e-400`); subnormals are kept;
/// - a UTF-8 byte order mark before the document is skipped.
///
/// Unlike `JSONDecoder`, it reads UTF-8 only (`JSONDecoder` takes UTF-16 and UTF-32 too), refuses
/// trailing commas, reads every zero written with an exponent (`JSONDecoder` refuses some, as
/// `0e1` and `0.00e12`), and checks the members a repeated key hides (`JSONDecoder` never reads
/// them, so lets malformed numbers and strings there by).
///
/// ```swift
/// JSONParser.parse(Array(#"{"a":[1,true,null]}"#.utf8))   // ["a": [1, true, nil]]
/// JSONParser.parse(Array("[1,]".utf8))                     // nil
/// ```
public enum JSONParser {
    /// The deepest nesting of arrays and objects a document may have, as `JSONDecoder`'s.
    /// The parser keeps its own stack, so any depth is safe; deeper documents are refused only
    /// to bound the work and the values built.
    public static let maximumDepth = 512

    /// The value `bytes` spell, or nil when they are not exactly one well-formed JSON document.
    public static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
        if let value = bytes.withContiguousStorageIfAvailable(JSONReader.document(in:)) { return value }
        return Array(bytes).withUnsafeBufferPointer(JSONReader.document(in:))
    }
}

/// The parser's state over one document: a position in the bytes, and its stack of open arrays
/// and objects kept flat (their finished elements in `values`, object keys in `keys`), so that
/// nesting costs no recursion.
private struct JSONReader {
    /// An open array or object: where its elements (and keys) start in the flat stacks.
    private struct Frame {
        let isObject: Bool
        let valueStart: Int
        let keyStart: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var frames: [Frame] = []
    private var values: [JSONValue] = []
    private var keys: [String] = []
    /// The bytes of a string that has escapes, reused from string to string.
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // Room for a small document's open members, so that the stacks do not grow one step at
        // a time through their first sizes.
        values.reserveCapacity(16)
        keys.reserveCapacity(16)
    }

    /// The value of the document `bytes` hold; nil at the first byte that does not fit.
    static func document(in bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var reader = JSONReader(bytes: bytes)
        return reader.document()
    }

    private mutating func document() -> JSONValue? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        while true {
            // A value starts here: a scalar, an empty container, or the first element of one.
            var value: JSONValue
            guard let first = peek() else { return nil }
            if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
                let isObject = first == UInt8(ascii: "{")
                guard frames.count < JSONParser.maximumDepth else { return nil }
                index += 1
                skipWhitespace()
                if peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    value = isObject ? .object([:]) : .array([])
                } else {
                    frames.append(Frame(isObject: isObject, valueStart: values.count, keyStart: keys.count))
                    if isObject { guard readKey() else { return nil } }
                    continue
                }
            } else {
                guard let scalar = readScalar(first) else { return nil }
                value = scalar
            }
            // The value is finished: it ends the document, or goes into the open container,
            // which a `,` continues and its bracket closes (finishing another value).
            while true {
                skipWhitespace()
                guard let frame = frames.last else {
                    // (No `? value : nil` here: JSONValue is nil-expressible, so that nil is `.null`.)
                    guard index == bytes.count else { return nil }
                    return value
                }
                values.append(value)
                guard let next = peek() else { return nil }
                index += 1
                if next == UInt8(ascii: ",") {
                    skipWhitespace()
                    if frame.isObject { guard readKey() else { return nil } }
                    break
                }
                guard next == (frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return nil }
                value = close(frame)
                frames.removeLast()
            }
        }
    }

    /// The container `frame` opened, its elements taken off the stacks; an object keeps the
    /// first member of each key. No slice of the stacks outlives this, so that taking the
    /// elements off changes them in place instead of copying them.
    private mutating func close(_ frame: Frame) -> JSONValue {
        let count = values.count - frame.valueStart
        guard frame.isObject else {
            let elements = Array(values[frame.valueStart...])
            values.removeLast(count)
            return .array(elements)
        }
        var members = [String: JSONValue](minimumCapacity: count)
        // Last to first, so that the first member of a repeated key is the one left.
        for offset in (0..<count).reversed() {
            members[keys[frame.keyStart + offset]] = values[frame.valueStart + offset]
        }
        keys.removeLast(count)
        values.removeLast(count)
        return .object(members)
    }

    /// An object member's key and its `:`, with the white space after.
    private mutating func readKey() -> Bool {
        guard peek() == UInt8(ascii: "\""), let key = readString() else { return false }
        keys.append(key)
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { return false }
        index += 1
        skipWhitespace()
        return true
    }

    /// A string, number, `true`, `false` or `null`, starting with `first`.
    private mutating func readScalar(_ first: UInt8) -> JSONValue? {
        switch first {
        case UInt8(ascii: "\""): readString().map { JSONValue.string($0) }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): readNumber().map { JSONValue.number($0) }
        case UInt8(ascii: "t"): readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): readLiteral("null", .null)
        default: nil
        }
    }

    /// `value` when the bytes spell `literal`.
    private mutating func readLiteral(_ literal: StaticString, _ value: JSONValue) -> JSONValue? {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count else { return nil }
        for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return nil }
        index += expected.count
        return value
    }

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}

// MARK: - Numbers

extension JSONReader {
    /// A number: `-`, an integer part with no leading zero, then an optional fraction and exponent.
    private mutating func readNumber() -> Double? {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { return nil }
        index += 1
        if first != UInt8(ascii: "0") { _ = skipDigits() }
        let integerEnd = index
        var isInteger = true
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() > 0 else { return nil }
            isInteger = false
        }
        let mantissaEnd = index
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { return nil }
            isInteger = false
        }
        // Up to 15 digits, an integer is exact in a Double: no need to read the text.
        let digitsStart = bytes[start] == UInt8(ascii: "-") ? start + 1 : start
        if isInteger, integerEnd - digitsStart <= 15 {
            var whole = 0
            for position in digitsStart..<integerEnd { whole = whole * 10 + Int(bytes[position] &- UInt8(ascii: "0")) }
            return digitsStart == start ? Double(whole) : -Double(whole)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        if value == 0, bytes[digitsStart..<mantissaEnd].contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) {
            return nil
        }
        return value
    }
}

// MARK: - Strings

extension JSONReader {
    /// A string, from its opening quote. Without escapes its text is taken from the bytes as they
    /// are; with them, gathered in `scratch`.
    private mutating func readString() -> String? {
        index += 1
        let start = index
        guard skipPlainText() else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index - 1]), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while true {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            if bytes[index - 1] == UInt8(ascii: "\"") { return String(decoding: scratch, as: UTF8.self) }
            guard readEscape() else { return nil }
            runStart = index
            guard skipPlainText() else { return nil }
        }
    }

    /// Moves to the string's next `"` or `\` over text that is valid UTF-8 with no control
    /// characters; false when it meets anything else, or the end of the bytes.
    private mutating func skipPlainText() -> Bool {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            if byte < 0x20 { return false }
            if byte < 0x80 {
                index += 1
            } else {
                guard let length = utf8SequenceLength() else { return false }
                index += length
            }
        }
        return false
    }

    /// The length of the UTF-8 sequence at `index`, whose first byte is 0x80 or more; nil when it
    /// is not well-formed (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    private func utf8SequenceLength() -> Int? {
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch bytes[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return nil
        }
        guard bytes.count - index >= length, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// One escape, after its backslash, appended to `scratch` as UTF-8; a `\u` escape of a high
    /// surrogate must be followed by one of a low surrogate.
    private mutating func readEscape() -> Bool {
        guard let byte = peek() else { return false }
        index += 1
        let unescaped: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): unescaped = byte
        case UInt8(ascii: "b"): unescaped = 0x08
        case UInt8(ascii: "f"): unescaped = 0x0C
        case UInt8(ascii: "n"): unescaped = 0x0A
        case UInt8(ascii: "r"): unescaped = 0x0D
        case UInt8(ascii: "t"): unescaped = 0x09
        case UInt8(ascii: "u"):
            guard let scalar = readUnicodeEscape() else { return false }
            UTF8.encode(scalar) { scratch.append($0) }
            return true
        default: return false
        }
        scratch.append(unescaped)
        return true
    }

    /// The scalar of a `\u` escape (after its `u`), or of a surrogate pair of them.
    private mutating func readUnicodeEscape() -> Unicode.Scalar? {
        guard let unit = readHex4() else { return nil }
        switch unit {
        case 0xD800...0xDBFF:
            guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                return nil
            }
            index += 2
            guard let low = readHex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    /// Four hexadecimal digits, either case.
    private mutating func readHex4() -> UInt32? {
        guard bytes.count - index >= 4 else { return nil }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            unit = unit << 4 | UInt32(digit)
            index += 1
        }
        return unit
    }
}
