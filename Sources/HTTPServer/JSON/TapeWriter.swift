/// Checks one document and writes its tape (``Token``): a position in the bytes, and the
/// containers still open, so that nesting costs no recursion.
struct TapeWriter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var tokens: [Token] = []
    private var unescaped: [String] = []
    /// The innermost array or object open, by its token's index. An open container's `end`
    /// holds the one around it (-1 for none) until it closes, so the open ones cost no stack.
    private var open = -1
    /// How many are open.
    private var depth = 0
    /// The bytes of a string that has escapes, reused from string to string.
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // About one token for every eight bytes of a write's body, so that the tape seldom grows;
        // no more than a thousand at first, as a long text is one token, whatever its length.
        tokens.reserveCapacity(min(bytes.count / 8, 1_024) + 4)
    }

    /// The tape of the document `bytes` hold; nil at the first byte that does not fit.
    static func tape(of bytes: UnsafeBufferPointer<UInt8>) -> (tokens: [Token], unescaped: [String])? {
        var writer = TapeWriter(bytes: bytes)
        guard writer.document() else { return nil }
        return (writer.tokens, writer.unescaped)
    }

    private mutating func document() -> Bool {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        while true {
            // A value starts here: a scalar, an empty container, or the first element of one.
            guard let first = peek() else { return false }
            if first == UInt8(ascii: "[") || first == UInt8(ascii: "{") {
                let isObject = first == UInt8(ascii: "{")
                guard depth < JSONParser.maximumDepth else { return false }
                index += 1
                skipWhitespace()
                tokens.append(Token(kind: isObject ? .object : .array))
                if peek() == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index += 1
                    tokens[tokens.count - 1].end = tokens.count
                } else {
                    tokens[tokens.count - 1].end = open
                    open = tokens.count - 1
                    depth += 1
                    if isObject { guard readKey() else { return false } }
                    continue
                }
            } else {
                guard readScalar(first) else { return false }
            }
            // The value is finished: it ends the document, or goes into the open container,
            // which a `,` continues and its bracket closes (finishing another value).
            while true {
                skipWhitespace()
                guard open >= 0 else { return index == bytes.count }
                let container = open
                tokens[container].count += 1
                guard let next = peek() else { return false }
                index += 1
                let isObject = tokens[container].kind == .object
                if next == UInt8(ascii: ",") {
                    skipWhitespace()
                    if isObject { guard readKey() else { return false } }
                    break
                }
                guard next == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                open = tokens[container].end
                tokens[container].end = tokens.count
                depth -= 1
            }
        }
    }

    /// An object member's key and its `:`, with the white space after.
    private mutating func readKey() -> Bool {
        guard peek() == UInt8(ascii: "\""), readString() else { return false }
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { return false }
        index += 1
        skipWhitespace()
        return true
    }

    /// A string, number, `true`, `false` or `null`, starting with `first`.
    private mutating func readScalar(_ first: UInt8) -> Bool {
        switch first {
        case UInt8(ascii: "\""): return readString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            guard let number = readNumber() else { return false }
            tokens.append(Token(kind: .number, number: number))
            return true
        case UInt8(ascii: "t"): return readLiteral("true", .true)
        case UInt8(ascii: "f"): return readLiteral("false", .false)
        case UInt8(ascii: "n"): return readLiteral("null", .null)
        default: return false
        }
    }

    /// A token of `kind` when the bytes spell `literal`.
    private mutating func readLiteral(_ literal: StaticString, _ kind: Token.Kind) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count else { return false }
        for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return false }
        index += expected.count
        tokens.append(Token(kind: kind))
        return true
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

extension TapeWriter {
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

extension TapeWriter {
    /// A string, from its opening quote. Without escapes its text stays in the bytes, read when
    /// asked for; with them, it is gathered in `scratch` and kept in `unescaped`.
    private mutating func readString() -> Bool {
        index += 1
        let start = index
        guard skipPlainText() else { return false }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            tokens.append(Token(kind: .string, start: start, end: index - 1))
            return true
        }
        scratch.removeAll(keepingCapacity: true)
        var runStart = start
        while true {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            if bytes[index - 1] == UInt8(ascii: "\"") {
                tokens.append(Token(kind: .string, isEscaped: true, start: unescaped.count))
                unescaped.append(String(decoding: scratch, as: UTF8.self))
                return true
            }
            guard readEscape() else { return false }
            runStart = index
            guard skipPlainText() else { return false }
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
