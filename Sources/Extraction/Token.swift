/// One word, number or punctuation mark of a body, with its offsets in Unicode scalars.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, punctuation }

    /// The token as written (`Hamas's`, `U.S.`, `40,000`).
    var text: String
    /// `text` without a trailing possessive `'s` or `'`.
    var stem: String
    /// `stem` lower-cased.
    var lower: String
    var start: Int
    var end: Int
    var kind: Kind
    /// Whether a line break separates it from the previous token.
    var afterNewline: Bool
    var isPossessive: Bool

    /// Starts with an upper-case letter (or is an initialism such as `U.S.`).
    var isCapitalized: Bool {
        guard kind == .word, let first = stem.unicodeScalars.first else { return false }
        return Tokenizer.isUppercase(first)
    }

    /// Every letter is upper case and there are at least two (`UN`, `NATO`, `U.S.`).
    var isAcronym: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for s in stem.unicodeScalars {
            if Tokenizer.isLetter(s) {
                if !Tokenizer.isUppercase(s) { return false }
                letters += 1
            } else if s != "." && s != "-" && s != "&" {
                return false
            }
        }
        return letters >= 2
    }

    /// The letters of an acronym without dots (`U.S.` gives `US`).
    var acronymLetters: String {
        ScalarText.string(stem.unicodeScalars.filter { $0.properties.isAlphabetic })
    }

    func isPunct(_ mark: String) -> Bool { kind == .punctuation && text == mark }
}
