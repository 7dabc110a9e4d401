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
            let letter = asciiLetter(scalar)
            let folded = letter == nil ? latinFold[scalar] : nil
            let length = letter != nil ? 1 : folded?.utf8.count ?? 0
            if length == 0 {
                pendingDash = !out.isEmpty
                continue
            }
            if out.count + length + (pendingDash ? 1 : 0) > maxLength { break }
            if pendingDash { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            if let letter { out.append(letter) } else if let folded { out += folded.utf8 }
        }
        return out.isEmpty ? "item" : String(decoding: out, as: UTF8.self)
    }

    /// An ASCII letter or digit, lower-cased; nil for anything else.
    private static func asciiLetter(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: UInt8(scalar.value)
        case 0x41...0x5A: UInt8(scalar.value + 32)
        default: nil
        }
    }

    private static let latinFold: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēė", "e"), ("ìíîïīı", "i"), ("ñń", "n"),
            ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("šśş", "s"), ("žźż", "z"), ("ğ", "g"),
            ("ə", "e"), ("ł", "l"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, ascii) in groups {
            for s in (letters + letters.uppercased()).unicodeScalars where table[s] == nil { table[s] = ascii }
        }
        return table
    }()
}
