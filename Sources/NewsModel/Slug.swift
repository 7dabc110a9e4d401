/// Makes readable, URL-safe ids from names and titles.
public enum Slug {
    /// Lower-cases, folds common Latin diacritics, drops apostrophes and joins the alphanumeric
    /// runs with `-`: `"Novo-Ogaryovo"` gives `novo-ogaryovo`, `"Hamas's"` gives `hamass`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars where scalar != "'" && scalar != "\u{2019}" {
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingDash = !out.isEmpty
                continue
            }
            if out.count + folded.count + (pendingDash ? 1 : 0) > maxLength { break }
            if pendingDash { out += "-" }
            pendingDash = false
            out += folded
        }
        return out.isEmpty ? "item" : out
    }

    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 32)!)
        default: return latinFold[scalar] ?? ""
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
