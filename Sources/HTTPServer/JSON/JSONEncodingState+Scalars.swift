extension JSONEncodingState {
    /// Writes `null`.
    func writeNull() {
        writeLiteral("null")
    }

    /// Writes `true` or `false`.
    func writeBool(_ value: Bool) {
        writeLiteral(value ? "true" : "false")
    }

    private func writeLiteral(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes `text` as a JSON string, escaped as Foundation escapes it (``CompactJSONEncoder``);
    /// returns whether anything needed an escape.
    @discardableResult
    func writeString(_ text: String) -> Bool {
        bytes.append(UInt8(ascii: "\""))
        let escaped =
            text.utf8.withContiguousStorageIfAvailable { writeEscaped($0) }
            ?? {
                var copy = text
                return copy.withUTF8 { writeEscaped($0) }
            }()
        bytes.append(UInt8(ascii: "\""))
        return escaped
    }

    private func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = utf8.baseAddress else { return false }
        let raw = UnsafeRawPointer(start)
        var plainFrom = 0
        var escaped = false
        var index = 0
        while index < utf8.count {
            // Eight bytes at a time while none of them needs an escape.
            if utf8.count - index >= 8, !Self.anyNeedsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
                continue
            }
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom..<index]))
                plainFrom = index + 1
                escaped = true
                writeEscape(for: byte)
            }
            index += 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainFrom...]))
        return escaped
    }

    /// Whether any of the eight bytes of `word` is a control character, `"` or `\`: a byte
    /// below 0x20 sets its top bit in `word - 0x20…`, and so does a zero byte (a match) in
    /// `match - 0x01…`, where `~word` and `~match` keep only bytes that had it clear before.
    private static func anyNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let tops: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (control | quote | backslash) & tops != 0
    }

    private func writeEscape(for byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            writeLiteral("u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Writes an integer in decimal.
    func writeInteger<Integer: FixedWidthInteger>(_ value: Integer) {
        guard Integer.bitWidth <= 64 else {
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            writeDigits(UInt64(truncatingIfNeeded: value.magnitude))
        } else {
            writeDigits(UInt64(truncatingIfNeeded: value))
        }
    }

    private func writeDigits(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var index = digits.count
            var rest = value
            repeat {
                let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10)
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remainder)
                rest = quotient
            } while rest != 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[index...]))
        }
    }

    /// Writes a `Double` as Foundation does: its `description` without a trailing `.0`. Whole
    /// numbers up to 2^53, which `description` writes in full, are written as integers.
    func writeDouble(_ value: Double, codingPath: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else { throw Self.nonFinite(value, codingPath: codingPath()) }
        if value.magnitude <= 9_007_199_254_740_992, value.rounded(.towardZero) == value {
            if value == 0 {
                if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
                bytes.append(UInt8(ascii: "0"))
            } else {
                writeInteger(Int64(value))
            }
            return
        }
        writeShortest(value)
    }

    /// Writes a `Float` as Foundation does: its `description` without a trailing `.0`.
    func writeFloat(_ value: Float, codingPath: @autoclosure () -> [any CodingKey]) throws {
        guard value.isFinite else { throw Self.nonFinite(value, codingPath: codingPath()) }
        writeShortest(value)
    }

    private func writeShortest(_ value: some BinaryFloatingPoint & TextOutputStreamable) {
        let start = bytes.count
        var sink = JSONByteSink(state: self)
        value.write(to: &sink)
        let end = bytes.count
        if end - start >= 2, bytes[end - 2] == UInt8(ascii: "."), bytes[end - 1] == UInt8(ascii: "0") {
            bytes.removeLast(2)
        }
    }

    /// The error Foundation throws for an infinity or NaN.
    private static func nonFinite<Number: BinaryFloatingPoint>(_ value: Number, codingPath: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue(
            value,
            EncodingError.Context(codingPath: codingPath, debugDescription: "Unable to encode \(Number.self).\(value) directly in JSON."))
    }
}
