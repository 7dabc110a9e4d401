/// Whether the words nearest a phrase put it in the past or the future.
enum Tense: Sendable, Hashable {
    case past, future, unknown

    private static let futureCues: Set<String> = [
        "will", "shall", "scheduled", "upcoming", "next", "approach", "approaches", "approaching", "coming",
        "tomorrow", "forthcoming", "slated", "expected", "planned", "plans", "plan", "intends", "aims", "due",
        "expects", "expect", "must", "payable", "would", "planning",
    ]
    private static let futureBeforeTo: Set<String> = ["set", "due", "going", "poised", "supposed"]
    private static let pastCues: Set<String> = [
        "was", "were", "had", "has", "have", "did", "since", "ago", "last", "earlier", "previously", "recent",
        "began", "met", "said", "told", "took", "gave", "held", "won", "lost", "sent", "made", "came", "went",
        "fell", "struck", "left", "saw", "led", "ran", "broke", "brought", "thought", "drew", "wrote", "spoke",
        "chose", "fought", "flew", "rose", "sold", "bought", "paid", "built", "became", "found", "kept", "knew",
        "shot", "stood", "beat", "hit", "overturned", "former", "then", "shook", "swept", "tore", "spread",
    ]
    /// Words ending in -ed that are not past verbs.
    private static let notPast: Set<String> = [
        "need", "indeed", "speed", "seed", "united", "red", "based", "feed", "bled", "shed", "deed", "embed", "proceed", "exceed",
        "succeed",
    ]

    /// Whether a word is a past-tense verb form (`shook`, `collapsed`).
    static func isPastVerb(_ w: String) -> Bool {
        if pastCues.contains(w) { return true }
        return w.count >= 5 && w.hasSuffix("ed") && !notPast.contains(w)
    }

    /// The tense of the nearest cue word within the sentence, searching outward from `phrase`.
    /// Verbs of speech (`the company said`) date the report rather than what it reports, so
    /// they count only when no other cue does, unless one stands right beside the phrase: that
    /// is the verb it dates (`a spokesman said Thursday that the troops will remain`).
    static func around(_ phrase: Range<Int>, in tokens: [Token], sentence: Range<Int>) -> Tense {
        adjacent(phrase, tokens, sentence) ?? nearest(phrase, tokens, sentence, speech: false)
            ?? nearest(phrase, tokens, sentence, speech: true) ?? .unknown
    }

    private static func adjacent(_ phrase: Range<Int>, _ tokens: [Token], _ sentence: Range<Int>) -> Tense? {
        var before = phrase.lowerBound - 1
        if before > sentence.lowerBound, ["on", "late", "early"].contains(tokens[before].lower) { before -= 1 }
        let after = phrase.upperBound
        for k in [before, after] where sentence.contains(k) && Lexicon.speechVerbs.contains(tokens[k].lower) {
            return cue(tokens, k, sentence, speech: true)
        }
        return nil
    }

    private static func nearest(_ phrase: Range<Int>, _ tokens: [Token], _ sentence: Range<Int>, speech: Bool) -> Tense? {
        // Cues inside the phrase itself (`since November`) count first.
        for k in phrase {
            if let t = cue(tokens, k, sentence, speech: speech) { return t }
        }
        // Looking ahead stops at a second predicate: in `met them on Friday and is expected to
        // host talks`, Friday is the meeting's.
        var end = sentence.upperBound
        var d = 1
        while phrase.lowerBound - d >= sentence.lowerBound || phrase.upperBound - 1 + d < end {
            let before = phrase.lowerBound - d
            if before >= sentence.lowerBound, let t = cue(tokens, before, sentence, speech: speech) { return t }
            let after = phrase.upperBound - 1 + d
            if after < end, ClauseFinder.opensPredicate(at: after, tokens, before: end, orPast: true) { end = after }
            if after < end, let t = cue(tokens, after, sentence, speech: speech) { return t }
            d += 1
        }
        return nil
    }

    /// Articles and possessives before an `-ed` word make it an adjective (`the reduced dividend`).
    private static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that"]

    private static func cue(_ tokens: [Token], _ k: Int, _ sentence: Range<Int>, speech: Bool) -> Tense? {
        let t = tokens[k]
        guard t.kind == .word, !t.isCapitalized || k == sentence.lowerBound else { return nil }
        let w = t.lower
        if !speech, Lexicon.speechVerbs.contains(w) { return nil }
        // `must be returned`, `will be paid`, `the reduced dividend`: a participle, not a past verb.
        if k > sentence.lowerBound, isPastVerb(w) {
            let previous = tokens[k - 1].lower
            if ["be", "being", "been"].contains(previous) { return nil }
            if w.hasSuffix("ed"), !pastCues.contains(w), determiners.contains(previous) { return nil }
        }
        // `announced the plan Aug. 21`: a noun, which says nothing of when.
        if w == "plan" || w == "plans", k > sentence.lowerBound, determiners.contains(tokens[k - 1].lower) { return nil }
        // `were planning to drive on Monday`: the auxiliary's tense is the planning's, not the drive's.
        if ["was", "were"].contains(w), k + 1 < sentence.upperBound, futureCues.contains(tokens[k + 1].lower) { return nil }
        if futureCues.contains(w) || w.hasSuffix("'ll") || w.hasSuffix("\u{2019}ll") { return .future }
        if futureBeforeTo.contains(w), k + 1 < sentence.upperBound, ["to", "for"].contains(tokens[k + 1].lower) { return .future }
        if pastCues.contains(w) { return .past }
        if w.count >= 5, w.hasSuffix("ed"), !notPast.contains(w), w.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) {
            return .past
        }
        return nil
    }
}
