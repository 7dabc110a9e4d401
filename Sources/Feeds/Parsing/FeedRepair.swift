import Markup

/// Byte-level fixes for the malformed feeds found on the web, applied before libxml2 reads
/// them: junk before the first tag, HTML entities and bare ampersands XML does not allow, and
/// bytes that do not match the declared (or undeclared) encoding.
enum FeedRepair {
    /// All the fixes, in the order they must run.
    static func prepare(_ bytes: [UInt8]) -> [UInt8] {
        let trimmed = trimmingLeadingJunk(bytes)
        return escapingAmpersands(normalizingEncoding(trimmed))
    }

    /// Drops a UTF-8 byte order mark and anything but markup before the first `<` (an XML
    /// declaration after whitespace is fatal to libxml2). UTF-16 input is left alone.
    static func trimmingLeadingJunk(_ bytes: [UInt8]) -> [UInt8] {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return bytes }
        while start < bytes.count, bytes[start] != UInt8(ascii: "<"), isSpace(bytes[start]) || bytes[start] == 0 {
            start += 1
        }
        return start == 0 ? bytes : Array(bytes[start...])
    }

    /// Makes the bytes and the declaration agree: valid UTF-8 is declared UTF-8 (whatever
    /// the declaration claimed); bytes that are not UTF-8, with no declaration or a UTF-8 one,
    /// are read as Windows-1252 and converted. A declared single-byte encoding is trusted.
    static func normalizingEncoding(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return bytes }
        let declared = declaredEncoding(bytes)?.lowercased()
        if isValidUTF8(bytes) {
            guard let declared, declared != "utf-8" else { return bytes }
            return replacingDeclaredEncoding(in: bytes, with: "UTF-8")
        }
        if let declared, declared != "utf-8", declared != "utf8" { return bytes }
        let converted = Windows1252.utf8(from: bytes)
        return declared == nil ? converted : replacingDeclaredEncoding(in: converted, with: "UTF-8")
    }

    /// Rewrites `&` that does not start a valid XML reference: a known HTML entity becomes a
    /// numeric reference (`&nbsp;` to `&#160;`), anything else becomes `&amp;`. CDATA sections,
    /// comments and processing instructions are copied untouched.
    static func escapingAmpersands(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let end = endOfVerbatimSection(bytes, at: index) {
                output += bytes[index..<end]
                index = end
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            let (replacement, consumed) = reference(bytes, at: index)
            output += replacement
            index += consumed
        }
        return output
    }

    /// What to write for the `&` at `index`, and how many input bytes that covers.
    private static func reference(_ bytes: [UInt8], at index: Int) -> ([UInt8], Int) {
        var end = index + 1
        while end < bytes.count, end - index <= 32, isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else {
            return (Array("&amp;".utf8), 1)
        }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        let whole = Array(bytes[index...end])
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let valid =
                digits.first == "x" || digits.first == "X"
                ? !digits.dropFirst().isEmpty && digits.dropFirst().allSatisfy(\.isHexDigit)
                : !digits.isEmpty && digits.allSatisfy(\.isNumber)
            return valid ? (whole, whole.count) : (Array("&amp;".utf8), 1)
        }
        if ["amp", "lt", "gt", "quot", "apos"].contains(name) { return (whole, whole.count) }
        if let scalar = HTMLEntities.scalars[name] { return (Array("&#\(scalar);".utf8), whole.count) }
        return (Array("&amp;".utf8), 1)
    }

    /// How CDATA sections, comments and processing instructions open and close.
    private static let verbatimSections: [(open: [UInt8], close: [UInt8])] = [
        (Array("<![CDATA[".utf8), Array("]]>".utf8)), (Array("<!--".utf8), Array("-->".utf8)), (Array("<?".utf8), Array("?>".utf8)),
    ]

    /// The end of a CDATA section, comment or processing instruction starting at `index`.
    private static func endOfVerbatimSection(_ bytes: [UInt8], at index: Int) -> Int? {
        for (open, closing) in verbatimSections where bytes[index...].starts(with: open) {
            var cursor = index + open.count
            while cursor + closing.count <= bytes.count {
                if bytes[cursor..<(cursor + closing.count)].elementsEqual(closing) { return cursor + closing.count }
                cursor += 1
            }
            return bytes.count
        }
        return nil
    }

    /// The `encoding` of a leading XML declaration.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        guard let range = encodingValueRange(bytes) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private static func replacingDeclaredEncoding(in bytes: [UInt8], with name: String) -> [UInt8] {
        guard let range = encodingValueRange(bytes) else { return bytes }
        var copy = bytes
        copy.replaceSubrange(range, with: Array(name.utf8))
        return copy
    }

    /// Where the value of `encoding="..."` sits in a leading `<?xml ...?>`.
    private static func encodingValueRange(_ bytes: [UInt8]) -> Range<Int>? {
        guard bytes.starts(with: "<?xml".utf8) else { return nil }
        let limit = min(bytes.count, 256)
        guard let close = (0..<max(0, limit - 1)).first(where: { bytes[$0] == UInt8(ascii: "?") && bytes[$0 + 1] == UInt8(ascii: ">") })
        else { return nil }
        let declaration = Array(bytes[0..<close])
        let key = Array("encoding".utf8)
        guard
            let found = (0..<max(0, declaration.count - key.count)).first(where: { declaration[$0..<($0 + key.count)].elementsEqual(key) })
        else { return nil }
        var cursor = found + key.count
        while cursor < declaration.count, isSpace(declaration[cursor]) || declaration[cursor] == UInt8(ascii: "=") { cursor += 1 }
        guard cursor < declaration.count, declaration[cursor] == UInt8(ascii: "\"") || declaration[cursor] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = declaration[cursor]
        let start = cursor + 1
        guard let end = declaration[start...].firstIndex(of: quote) else { return nil }
        return start..<end
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
