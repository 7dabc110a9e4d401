/// Makes readable, URL-safe ids from names and titles.
public enum Slug {
    /// Lower-cases, folds common Latin diacritics, drops apostrophes and joins the alphanumeric
    /// runs with `-`: `"Novo-Ogaryovo"` gives `novo-ogaryovo`, `"Hamas's"` gives `hamass`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        // Every folded letter is ASCII, so the slug is built as bytes and its length is theirs.
        var out: [UInt8] = []
        out.reserveCapacity(min(maxLength, text.utf8.count))
        var pendingDash = false
        for scalar in text.unicodeScalars where scalar != "'" && scalar != "\u{2019}" {
            guard let folded = fold(scalar) else {
                pendingDash = !out.isEmpty
                continue
            }
            if out.count + folded.count + (pendingDash ? 1 : 0) > maxLength { break }
            if pendingDash { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(folded.first)
            if let second = folded.second { out.append(second) }
        }
        return out.isEmpty ? "item" : String(decoding: out, as: UTF8.self)
    }

    /// What a letter gives in a slug: one ASCII byte, or two (`ß` gives `ss`). Plain bytes, so
    /// that a slug's letters are looked up and appended without an array each.
    private struct Folded: Sendable {
        var first: UInt8
        var second: UInt8?

        var count: Int { second == nil ? 1 : 2 }

        init(_ ascii: String) {
            let bytes = Array(ascii.utf8)
            first = bytes[0]
            second = bytes.count > 1 ? bytes[1] : nil
        }

        init(byte: UInt8) {
            first = byte
            second = nil
        }
    }

    /// The scalar's ASCII letters in a slug; nil for a separator.
    private static func fold(_ scalar: Unicode.Scalar) -> Folded? {
        scalar.isASCII ? asciiFold[Int(scalar.value)] : latinFold[scalar]
    }

    /// ASCII letters and digits, lower-cased, by code; nil for every other ASCII character.
    private static let asciiFold: [Folded?] = (0..<128).map { code in
        switch code {
        case 0x30...0x39, 0x61...0x7A: Folded(byte: UInt8(code))
        case 0x41...0x5A: Folded(byte: UInt8(code + 32))
        default: nil
        }
    }

    private static let latinFold: [Unicode.Scalar: Folded] = {
        let groups: [(String, String)] = [
            ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēė", "e"), ("ìíîïīı", "i"), ("ñń", "n"),
            ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("šśş", "s"), ("žźż", "z"), ("ğ", "g"),
            ("ə", "e"), ("ł", "l"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"),
        ]
        var table: [Unicode.Scalar: Folded] = [:]
        for (letters, ascii) in groups {
            for s in (letters + letters.uppercased()).unicodeScalars where table[s] == nil { table[s] = Folded(ascii) }
        }
        return table
    }()
}
