/// Splits text into search terms: runs of letters and digits, lower-cased, with Latin
/// diacritics folded (`Ağdam` and `AGDAM` both give `agdam`) and common English function
/// words dropped.
enum TextNormalizer {
    /// A term and where it sits in the text, in Unicode scalar offsets.
    struct Span {
        var term: String
        var range: Range<Int>
    }

    /// The terms of a text, in order, stopwords left out.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachTerm(in: text) { out.append($0) }
        return out
    }

    /// Calls `body` with each term of a text, in order, stopwords left out: ``tokens(_:)``
    /// without the array.
    static func forEachTerm(in text: String, _ body: (String) -> Void) {
        scan(text) { term, _ in
            if !isStopword(term) { body(term) }
        }
    }

    /// Whether a term is a stopword; only terms as short as the longest stopword are looked up.
    private static func isStopword(_ term: String) -> Bool {
        term.utf8.count <= longestStopword && stopwords.contains(term)
    }

    /// The terms of a text with their scalar ranges, stopwords included.
    static func spans(_ text: String) -> [Span] {
        var out: [Span] = []
        scan(text) { out.append(Span(term: $0, range: $1)) }
        return out
    }

    /// The text's terms joined by single spaces, stopwords included: a folded form for
    /// comparing names (`"Abbas's"` and `"abbas s"` compare equal).
    static func folded(_ text: String) -> String {
        var out: [String] = []
        scan(text) { term, _ in out.append(term) }
        return out.joined(separator: " ")
    }

    /// Calls `emit` with each term and its range in scalars. Reads the text's UTF-8 bytes: an
    /// ASCII byte is a scalar of its own and is settled at once, and only the other scalars are
    /// decoded and looked up.
    private static func scan(_ text: String, _ emit: (String, Range<Int>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(32)
            var start = 0
            var offset = 0
            func flush() {
                if !buffer.isEmpty {
                    emit(String(decoding: buffer, as: UTF8.self), start..<offset)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            var index = 0
            while index < bytes.count {
                defer { offset += 1 }
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A:
                        if buffer.isEmpty { start = offset }
                        buffer.append(byte)
                    case 0x41...0x5A:
                        if buffer.isEmpty { start = offset }
                        buffer.append(byte + 32)
                    default:
                        flush()
                    }
                    continue
                }
                let scalar = decodeScalar(bytes, at: &index)
                let properties = scalar.properties
                if properties.generalCategory == .nonspacingMark { continue }
                if let folded = latinFold[scalar] {
                    if buffer.isEmpty { start = offset }
                    buffer.append(contentsOf: folded.utf8)
                } else if properties.isAlphabetic || properties.numericType != nil {
                    if buffer.isEmpty { start = offset }
                    buffer.append(contentsOf: properties.lowercaseMapping.utf8)
                } else {
                    flush()
                }
            }
            flush()
        }
    }

    /// The scalar whose UTF-8 sequence starts at `index` with a byte of 0x80 or more, in bytes
    /// that are valid UTF-8 (a String's); moves `index` past it.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0x7F >> length)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        index += length
        return Unicode.Scalar(value)!
    }

    /// Latin letters with diacritics and their plain lower-case letters, read from the
    /// Unicode names (`LATIN SMALL LETTER E WITH ACUTE` is `e`), plus letters that fold to two.
    static let latinFold: [Unicode.Scalar: String] = {
        var table: [Unicode.Scalar: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
                let words = name.split(separator: " ")
                guard words.count >= 6, words[0] == "LATIN", words[1] == "SMALL" || words[1] == "CAPITAL",
                    words[2] == "LETTER", words[3].count == 1, words[4] == "WITH"
                else { continue }
                table[scalar] = words[3].lowercased()
            }
        }
        let special: [(String, String)] = [
            ("ß", "ss"), ("ẞ", "ss"), ("æ", "ae"), ("Æ", "ae"), ("œ", "oe"), ("Œ", "oe"),
            ("ı", "i"), ("ə", "e"), ("Ə", "e"), ("þ", "th"), ("Þ", "th"), ("ð", "d"), ("Ð", "d"),
            ("ŉ", "n"), ("ĸ", "k"),
        ]
        for (letter, ascii) in special {
            for scalar in letter.unicodeScalars { table[scalar] = ascii }
        }
        return table
    }()

    /// The length of the longest stopword, in UTF-8 bytes.
    private static let longestStopword = stopwords.map(\.utf8.count).max() ?? 0

    /// Words too common to index or to search by.
    static let stopwords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
        "have", "he", "her", "his", "in", "into", "is", "it", "its", "of", "on", "or", "s", "she",
        "that", "the", "their", "they", "this", "to", "was", "were", "which", "will", "with",
    ]
}
