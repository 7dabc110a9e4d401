/// Where a phrase without a calendar value points: TIMEX3's `PRESENT_REF`, `PAST_REF` and
/// `FUTURE_REF` (`now`, `recently`, `the future`).
public enum TimeReference: String, Sendable, Hashable, CaseIterable {
    case present = "PRESENT_REF"
    case past = "PAST_REF"
    case future = "FUTURE_REF"
}

/// A phrase of a text that refers to the present, the past or the future without naming a day,
/// where it lies (the TIMEX3 extent, in Unicode scalars) and where it points. It dates nothing:
/// an event in a clause with `now` is not thereby on the publication day.
public struct ReferencePhrase: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var reference: TimeReference

    public init(start: Int, end: Int, reference: TimeReference) {
        self.start = start
        self.end = end
        self.reference = reference
    }
}

extension TimeExpressionNormalizer {
    /// The words that make a reference phrase, longest first where one begins another. `current`
    /// counts only before a noun (`the current market`), not as one (`the current`), and never
    /// before a calendar unit, where `the current quarter` is a date.
    private static let patterns: [(words: [String], reference: TimeReference)] = [
        (["now"], .present), (["then", "current"], .past), (["currently"], .present), (["current"], .present),
        (["these", "days"], .present), (["nowadays"], .present), (["presently"], .present),
        (["more", "recently"], .past), (["recently"], .past), (["lately"], .past),
        (["the", "near", "future"], .future), (["the", "foreseeable", "future"], .future),
        (["the", "distant", "future"], .future), (["the", "future"], .future),
    ]

    /// Every reference phrase of a text, in order, outside the dated phrases `phrases(in:)` finds.
    public func references(in text: String) -> [ReferencePhrase] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let dated = phrases(in: text)
        var out: [ReferencePhrase] = []
        var i = 0
        while i < tokens.count {
            guard let (words, reference) = Self.patterns.first(where: { Self.matches($0.words, tokens, at: i) }) else {
                i += 1
                continue
            }
            let start = tokens[i].start
            let end = tokens[i + words.count - 1].end
            if !dated.contains(where: { $0.start < end && start < $0.end }) {
                out.append(ReferencePhrase(start: start, end: end, reference: reference))
            }
            i += words.count
        }
        return out
    }

    private static func matches(_ words: [String], _ tokens: [Token], at i: Int) -> Bool {
        guard i + words.count <= tokens.count else { return false }
        for (k, word) in words.enumerated() where tokens[i + k].kind != .word || tokens[i + k].lower != word { return false }
        guard words == ["current"] else { return true }
        // An adjective before a noun: the next token is a lower-case word.
        guard i + 1 < tokens.count, tokens[i + 1].kind == .word, !tokens[i + 1].isCapitalized else { return false }
        return true
    }
}
