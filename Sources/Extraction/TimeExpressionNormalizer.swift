public import NewsModel

/// Finds time phrases in a text and normalizes them TIMEX3-style: the value at the phrase's
/// precision (day, week, month, quarter, year or decade), a modifier and the range of days.
///
/// Phrases count from one of two anchors. `yesterday`, `on Saturday`, `last week` and `next
/// month` count from the publication day; `the following day`, `two days later`, `that day`
/// and `later that month` count from the last date the text mentioned, carried from sentence to
/// sentence (the publication day until one is mentioned; none when the last one mentioned is
/// coarser, as `the following day` after `in March`).
///
/// A phrase without a year (`October 7th`, `in late June`, `on Tuesday`) takes the year the
/// nearest tense cue calls for: the most recent such day for the past, the next one for the
/// future, the nearest one otherwise. Vague words (`recently`, `now`, `soon`) get no date.
///
/// ```swift
/// let normalizer = TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!)
/// normalizer.normalize("last Wednesday")?.value   // "2024-08-07"
/// normalizer.phrases(in: "On Saturday it rained. The following day it cleared.").map(\.date.value)
/// // ["2024-08-10", "2024-08-11"]
/// ```
public struct TimeExpressionNormalizer: Sendable {
    public let publishedAt: Day

    public init(publishedAt: Day) {
        self.publishedAt = publishedAt
    }

    /// Normalizes one phrase on its own, as if it stood in a sentence of the given tense
    /// (`"since October 2023"`, `"late June"`); nil when it is not a time phrase.
    public func normalize(_ phrase: String, pastTense: Bool? = nil) -> EventDate? {
        let scalars = Array(phrase.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        guard !tokens.isEmpty else { return nil }
        let found = find(
            in: tokens, sentence: 0..<tokens.count, scalars: scalars,
            tense: pastTense.map { $0 ? .past : .future })
        return found.first?.date
    }

    /// Every time phrase of a text, in order, split into sentences the way the extractor splits
    /// an article's body.
    public func phrases(in text: String) -> [DatedPhrase] {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(tokens)
        return find(in: tokens, sentences: sentences, scalars: scalars).joined().map {
            DatedPhrase(
                start: tokens[$0.extent.lowerBound].start, end: Self.end(of: tokens[$0.extent.upperBound - 1]),
                date: $0.date, isInferred: $0.isInferred)
        }
    }

    /// The time phrases of each sentence, the last date mentioned carried from one to the next.
    func find(in tokens: [Token], sentences: [Sentence], scalars: [Unicode.Scalar]) -> [[TimeExpression]] {
        var anchor = TimeAnchor()
        return sentences.map { find(in: tokens, sentence: $0.tokens, scalars: scalars, anchor: &anchor) }
    }

    /// Every time phrase in the tokens of one sentence read on its own.
    func find(in tokens: [Token], sentence: Range<Int>, scalars: [Unicode.Scalar], tense forced: Tense? = nil) -> [TimeExpression] {
        var anchor = TimeAnchor()
        return find(in: tokens, sentence: sentence, scalars: scalars, tense: forced, anchor: &anchor)
    }

    /// Every time phrase in the tokens of one sentence; each date it resolves becomes the anchor.
    func find(
        in tokens: [Token], sentence: Range<Int>, scalars: [Unicode.Scalar], tense forced: Tense? = nil,
        anchor: inout TimeAnchor
    ) -> [TimeExpression] {
        let parser = TimeExpressionParser(tokens: tokens, sentence: sentence, publishedYear: publishedAt.year)
        var out: [TimeExpression] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            guard let lead = parser.lead(at: i), let core = parser.core(at: lead.coreStart) else {
                i += 1
                continue
            }
            let phrase = lead.phraseStart..<core.end
            let tense = forced ?? Tense.around(phrase, in: tokens, sentence: sentence)
            guard var date = resolve(core.core, tense: tense, anchor: anchor) else {
                i += 1
                continue
            }
            // `on Saturday, April 25`: the date says which Saturday.
            if case .weekday(let w, nil) = core.core, let day = apposedDay(after: core.end, parser, tokens, sentence, tense, anchor),
                day.weekday == w
            {
                date = .day(day, phrase: "")
            }
            let start = tokens[phrase.lowerBound].start
            let end = Self.end(of: tokens[phrase.upperBound - 1])
            date.phrase = ScalarText.string(scalars[start..<end])
            let inferred = core.core == .afterAnchor
            // A comparison (`a year earlier`) refers back without moving the anchor.
            if !inferred, !Self.isComparison(core.core) { anchor.note(date) }
            if !inferred { apply(lead.modifier, to: &date) }
            out.append(
                TimeExpression(
                    tokens: phrase, extent: (core.extentStart ?? lead.extentStart)..<core.end, start: start, end: end,
                    date: date, isInferred: inferred))
            i = core.end
        }
        return out
    }

    /// The day a date set off by a comma after a weekday names (`Monday, Oct. 26`).
    private func apposedDay(
        after end: Int, _ parser: TimeExpressionParser, _ tokens: [Token], _ sentence: Range<Int>, _ tense: Tense, _ anchor: TimeAnchor
    ) -> Day? {
        guard end + 1 < sentence.upperBound, tokens[end].isPunct(","), let core = parser.core(at: end + 1),
            let date = resolve(core.core, tense: tense, anchor: anchor), date.precision == .day
        else { return nil }
        return date.earliest
    }

    private static func isComparison(_ core: TimeCore) -> Bool {
        if case .yearEarlier = core { return true }
        return false
    }

    /// Where a phrase's last token ends, without a possessive `'s` (`Friday's`).
    private static func end(of token: Token) -> Int {
        token.end - (token.text.unicodeScalars.count - token.stem.unicodeScalars.count)
    }

    /// Narrows or widens the range for a modifier: `late June` is its last ten days, `since
    /// November` runs to the publication day.
    private func apply(_ modifier: EventDate.Modifier?, to date: inout EventDate) {
        guard let modifier else { return }
        date.modifier = modifier
        let days = EventDate.narrow(date.earliest...date.latest, precision: date.precision, by: modifier)
        date.earliest = days.lowerBound
        date.latest = days.upperBound
        if modifier == .since, date.latest < publishedAt { date.latest = publishedAt }
    }
}
