/// Splits a token stream into sentences.
///
/// A full stop ends a sentence unless it closes an abbreviation (`Mr.`, `Gen.`, `Jan.`), an
/// initial (`J.`) or an initialism followed by a name (`U.S. officials`); closing quotes and
/// brackets after the stop stay with the sentence; a line break always ends one.
enum SentenceSplitter {
    /// Abbreviations after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj",
        "adm", "cmdr", "st", "jr", "sr", "mt", "no", "vs", "v", "fig", "approx", "dept", "est", "rev", "hon",
        "pres", "ave", "blvd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "e.g", "i.e", "al", "op", "cf",
    ]
    /// Abbreviations that often end a sentence too; they end one before a usual sentence opener.
    static let closingAbbreviations: Set<String> = ["inc", "corp", "ltd", "co", "etc", "plc", "llc"]

    static func split(_ tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var first = 0
        var k = 0
        func close(_ last: Int) {
            guard last >= first else { return }
            sentences.append(
                Sentence(
                    index: sentences.count, tokens: first..<(last + 1),
                    start: tokens[first].start, end: tokens[last].end))
            first = last + 1
        }
        while k < tokens.count {
            let t = tokens[k]
            if k > first, t.afterNewline {
                close(k - 1)
                continue
            }
            if endsSentence(tokens, at: k) {
                var last = k
                while last + 1 < tokens.count, isClosing(tokens, last + 1) { last += 1 }
                close(last)
                k = last + 1
                continue
            }
            k += 1
        }
        if first < tokens.count { close(tokens.count - 1) }
        return sentences
    }

    private static func isClosing(_ tokens: [Token], _ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .punctuation, !t.afterNewline else { return false }
        switch t.text {
        case "\u{201D}", "\u{2019}", ")", "]", "»": return true
        case "\"", "'": return tokens[i - 1].end == t.start
        default: return false
        }
    }

    private static func endsSentence(_ tokens: [Token], at k: Int) -> Bool {
        let t = tokens[k]
        var next = k + 1
        while next < tokens.count, isClosing(tokens, next) { next += 1 }
        guard next < tokens.count else { return t.kind == .punctuation && [".", "!", "?"].contains(t.text) }
        let following = tokens[next]
        if following.afterNewline { return t.kind == .punctuation || t.text.hasSuffix(".") }
        if t.kind == .word, t.text.hasSuffix("."), t.isAcronym {
            // `U.S.` ends a sentence only before a usual opener: `... the U.S. The talks ...`.
            return following.isCapitalized && Lexicon.sentenceOpeners.contains(following.lower)
        }
        guard t.kind == .punctuation else { return false }
        switch t.text {
        case "!", "?", "\u{2026}":
            return startsSentence(following)
        case ".":
            guard k > 0 else { return true }
            let previous = tokens[k - 1]
            if previous.end == t.start, previous.kind == .word {
                let word = previous.lower
                if abbreviations.contains(word) { return false }
                if closingAbbreviations.contains(word) {
                    return following.isCapitalized && Lexicon.sentenceOpeners.contains(following.lower)
                }
                // An initial: `J. K. Rowling`.
                if previous.text.unicodeScalars.count == 1, previous.isCapitalized { return false }
            }
            return startsSentence(following)
        default:
            return false
        }
    }

    private static func startsSentence(_ t: Token) -> Bool {
        if t.kind == .number { return true }
        if t.kind == .word { return t.isCapitalized }
        return ["\"", "\u{201C}", "'", "\u{2018}", "(", "[", "«", "-", "\u{2014}"].contains(t.text)
    }
}
