/// Reads what a statement said: the clause a verb of saying reports (`Hamas announced that it
/// had executed a hostage`: `it had executed a hostage`), or the quotation it attributes
/// (`"We will talk," Abbas said`: `We will talk`).
struct StatementReader {
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let sentence: Range<Int>

    /// The longest a reported clause is kept, in tokens; a longer one is cut at a word.
    static let maxTokens = 40

    /// What the statement whose trigger is at `trigger` said; nil when the sentence does not say.
    func said(at trigger: Int) -> String? {
        quotationBefore(trigger) ?? reportedAfter(trigger)
    }

    /// `"…," Abbas said` and `"…," said Abbas`: the quotation just before the speaker and verb.
    private func quotationBefore(_ trigger: Int) -> String? {
        var k = trigger - 1
        // Step back over the speaker (at most a few words) to the comma that closes the quotation.
        while k >= sentence.lowerBound, trigger - k <= 5, !isQuote(tokens[k]), tokens[k].text != "," { k -= 1 }
        guard k >= sentence.lowerBound else { return nil }
        if tokens[k].text == "," { k -= 1 }
        guard k > sentence.lowerBound, isQuote(tokens[k]) else { return nil }
        guard let open = (sentence.lowerBound..<k).last(where: { isQuote(tokens[$0]) }) else { return nil }
        return text(open + 1, k)
    }

    /// `said that …`, `told reporters that …`, `said: "…"`, `said it would …`: the clause after
    /// the verb (or the noun: `an announcement that …`).
    private func reportedAfter(_ trigger: Int) -> String? {
        let end = sentence.upperBound
        var k = trigger + 1
        // `told reporters on Tuesday that …`: the complementizer comes within a few words.
        if let that = (k..<min(end, k + 8)).first(where: { ["that", "saying"].contains(tokens[$0].lower) }),
            !(k..<that).contains(where: { tokens[$0].kind == .punctuation && tokens[$0].text != "," })
        {
            k = that + 1
        } else {
            while k < end, [":", ","].contains(tokens[k].text) { k += 1 }
            guard k < end, tokens[k].kind != .punctuation || isQuote(tokens[k]) else { return nil }
            // A verb followed by a preposition (`said in a statement`) reports nothing yet.
            if tokens[k].kind == .word, RoleFinder.prepositionWords.contains(tokens[k].lower) { return nil }
        }
        var last = end
        while last > k, tokens[last - 1].kind == .punctuation, !isQuote(tokens[last - 1]) { last -= 1 }
        if k < last, isQuote(tokens[k]), isQuote(tokens[last - 1]) {
            k += 1
            last -= 1
        }
        guard last - k >= 2 else { return nil }
        return text(k, min(last, k + Self.maxTokens))
    }

    private func isQuote(_ token: Token) -> Bool {
        ["\"", "\u{201C}", "\u{201D}"].contains(token.text)
    }

    /// The body's words from token `first` up to, not including, token `end`, trailing commas dropped.
    private func text(_ first: Int, _ end: Int) -> String? {
        var stop = end
        while stop > first, tokens[stop - 1].kind == .punctuation, !isQuote(tokens[stop - 1]) { stop -= 1 }
        guard stop > first else { return nil }
        return ScalarText.string(scalars[tokens[first].start..<tokens[stop - 1].end])
    }
}
