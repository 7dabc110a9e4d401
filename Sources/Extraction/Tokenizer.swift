/// Splits a body into ``Token``s, keeping Unicode scalar offsets exact.
///
/// Words keep inner hyphens and apostrophes (`Novo-Ogaryovo`, `Hamas's`), initialisms keep
/// their dots (`U.S.`), numbers keep thousands separators and decimals (`40,000`, `3.5`).
/// Everything else is a one-scalar punctuation token.
enum Tokenizer {
    static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var i = 0
        let n = scalars.count
        var sawNewline = false
        while i < n {
            let c = scalars[i]
            if isWhitespace(c) {
                if c == "\n" || c == "\u{2029}" { sawNewline = true }
                i += 1
                continue
            }
            let start = i
            var kind = Token.Kind.punctuation
            if isDigit(c) {
                kind = .number
                i += 1
                while i < n {
                    if isDigit(scalars[i]) {
                        i += 1
                        continue
                    }
                    if scalars[i] == "," || scalars[i] == ".", i + 1 < n, isDigit(scalars[i + 1]) {
                        i += 2
                        continue
                    }
                    break
                }
                // Ordinals, dates, scores and compounds stay one token: `7th`, `2024-08-13`, `2-1`, `10-year`.
                while i < n, isWordScalar(scalars[i]) || (scalars[i] == "-" && i + 1 < n && isWordScalar(scalars[i + 1])) {
                    if isLetter(scalars[i]) { kind = .word }
                    i += 1
                }
                if kind == .word, tokensTextIsNumberLike(scalars[start..<i]) == true { kind = .number }
            } else if isLetter(c) {
                kind = .word
                i += 1
                // Initialisms: `U.S.`, `U.N.`, `E.U.`
                if i + 1 < n, scalars[i] == ".", isLetter(scalars[i + 1]), i + 2 < n, scalars[i + 2] == "." {
                    var j = i
                    while j + 1 < n, scalars[j] == ".", isLetter(scalars[j + 1]), j + 2 < n, scalars[j + 2] == "." {
                        j += 2
                    }
                    i = j + 1
                } else {
                    while i < n {
                        let s = scalars[i]
                        if isWordScalar(s) {
                            i += 1
                            continue
                        }
                        if s == "-" || s == "'" || s == "\u{2019}", i + 1 < n, isWordScalar(scalars[i + 1]) {
                            i += 2
                            continue
                        }
                        // A trailing apostrophe after s is a plural possessive: `leaders'`.
                        if s == "'" || s == "\u{2019}", scalars[i - 1] == "s", i + 1 == n || !isWordScalar(scalars[i + 1]) {
                            i += 1
                        }
                        break
                    }
                }
            } else {
                i += 1
            }
            let text = ScalarText.string(scalars[start..<i])
            var stem = text
            var possessive = false
            if kind == .word {
                for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] where text.hasSuffix(suffix) && text.count > suffix.count + 1 {
                    stem = String(text.dropLast(suffix.count))
                    possessive = true
                    break
                }
            }
            tokens.append(
                Token(
                    text: text, stem: stem, lower: stem.lowercased(), start: start, end: i, kind: kind,
                    afterNewline: sawNewline, isPossessive: possessive))
            sawNewline = false
        }
        return tokens
    }

    /// `7th` and `15th` are numbers with an ordinal suffix; `10-year` is a word.
    private static func tokensTextIsNumberLike(_ s: ArraySlice<Unicode.Scalar>) -> Bool? {
        let text = ScalarText.string(s).lowercased()
        for suffix in ["st", "nd", "rd", "th"] where text.hasSuffix(suffix) {
            return text.dropLast(2).allSatisfy(\.isNumber)
        }
        return false
    }

    // ASCII fast paths: Unicode property look-ups dominate the time otherwise.
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
        return s.properties.isAlphabetic
    }
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s.value >= 0x41 && s.value <= 0x5A }
        return s.properties.isUppercase
    }
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return s == " " || s == "\n" || s == "\t" || s == "\r" || s.value == 0x0B || s.value == 0x0C }
        return s.properties.isWhitespace
    }
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) }
}
