/// Finds the clauses of a sentence by English morphology alone, without a parser.
///
/// A main verb is a simple-past form (regular `-ed` or a listed irregular form), a participle
/// after `has`/`have`/`had`/`having` or `was`/`were`/`is`/`are`, a verb after the modal `will`,
/// a present form the trigger lexicon lists (`says`) or a plan (`plans to`); other modals (`may
/// launch`) bound a clause that reports nothing. A word after a determiner or preposition (`the
/// injured`) is no verb. The subject is what stands before the verb group back to a comma, an
/// opening word (`after`, `and`) or the previous clause; a relative pronoun (`who`) stands for
/// the name before it, and a coordinated verb shares the subject before it. The tail runs to the
/// next clause, a comma or a subordinate clause; a reporting verb (`said`, `warned that`) keeps
/// the whole rest of the sentence as its tail: what was said.
enum ClauseFinder {
    static func clauses(in tokens: [Token], sentence: Range<Int>) -> [Clause] {
        var groups: [(verbs: Range<Int>, head: Int, form: Clause.Form)] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            if let g = group(at: i, tokens, sentence) {
                groups.append(g)
                i = g.verbs.upperBound
            } else {
                i += 1
            }
        }
        var out: [Clause] = []
        for (n, g) in groups.enumerated() {
            let floor = n > 0 ? groups[n - 1].verbs.upperBound : sentence.lowerBound
            var k = g.verbs.lowerBound
            var opener: String?
            while k > floor, k > g.verbs.lowerBound - 14 {
                let t = tokens[k - 1]
                if isBoundary(t) { break }
                if t.kind == .word, Lexicon.subordinators.contains(t.lower) || coordinators.contains(t.lower) {
                    // Before the first verb group, `and` joins the subject's names.
                    if coordinators.contains(t.lower), n == 0 {
                        k -= 1
                        continue
                    }
                    opener = t.lower
                    break
                }
                k -= 1
            }
            var subject = k..<g.verbs.lowerBound
            let start = opener == nil ? k : k - 1
            if let opener, relatives.contains(opener) {
                // `Reyk, who first took office`: the relative pronoun is the subject; what it
                // stands for is the name or noun before it.
                subject = antecedent(before: start, floor: floor, tokens)
            } else if subject.isEmpty, n > 0, opener == nil || coordinators.contains(opener!) {
                let prev = out[n - 1]
                let before = n > 1 ? groups[n - 2].verbs.upperBound : sentence.lowerBound
                let aside = k > floor && tokens[k - 1].isPunct(",") && prev.start > before && tokens[prev.start - 1].isPunct(",")
                let comma =
                    k > floor && tokens[k - 1].isPunct(",") && opener == nil
                    ? (max(floor, k - 14)..<(k - 1)).last(where: { tokens[$0].isPunct(",") }) : nil
                if aside, reports(tokens[prev.head].lower) {
                    // `Her first trip, her aides said, is expected`: the subject stands before the aside.
                    subject = segment(before: prev.start - 1, floor: before, tokens)
                } else if let comma, !prev.isRelative {
                    // `heavy rain, not a faulty dam, caused`: the subject stands before the apposition.
                    subject = segment(before: comma, floor: floor, tokens)
                } else {
                    subject = prev.subject
                }
            } else if subject.isEmpty, k > floor, tokens[k - 1].isPunct(",") {
                // `Marsh, a 54-year-old former judge, took`: the subject stands before the apposition.
                if let comma = (max(floor, k - 14)..<(k - 1)).last(where: { tokens[$0].isPunct(",") }) {
                    subject = segment(before: comma, floor: floor, tokens)
                }
            }
            out.append(
                Clause(
                    start: start, subject: subject, verbs: g.verbs, head: g.head, tail: g.verbs.upperBound..<g.verbs.upperBound,
                    form: g.form, opener: opener))
        }
        for n in out.indices {
            let from = out[n].verbs.upperBound
            var end = n + 1 < out.count ? out[n + 1].start : sentence.upperBound
            out[n].tail = from..<sentence.upperBound
            if !reportsSpeech(out[n], tokens) {
                var k = from
                while k < end {
                    let t = tokens[k]
                    if isBoundary(t) || t.kind == .word && (stops.contains(t.lower) || t.lower == "who" || t.lower == "which") { break }
                    // `approved the law and is due to hold a vote`: a second predicate ends the tail.
                    if opensPredicate(at: k, tokens, before: end) { break }
                    k += 1
                }
                end = k
            } else if out[n].start > sentence.lowerBound, isBoundary(tokens[out[n].start - 1]),
                let comma = commaAfterTime(from, tokens, sentence)
            {
                // `..., the military said (on Monday), the latest in a series of launches`: what
                // was said stands before the verb, and what follows the comma is an aside.
                end = comma
            } else {
                end = sentence.upperBound
            }
            while end > from, tokens[end - 1].kind == .punctuation { end -= 1 }
            out[n].tail = from..<max(from, end)
        }
        return out
    }

    private static let coordinators: Set<String> = ["and", "but", "or", "then"]
    private static let relatives: Set<String> = ["which", "who"]
    /// Verbs that report what someone said when `that` follows them (`warned that`).
    private static let thatVerbs: Set<String> = [
        "warned", "threatened", "urged", "vowed", "promised", "pledged", "insisted", "denied", "accused", "argued",
        "confirmed", "ruled", "found", "concluded", "admitted", "acknowledged", "revealed", "suggested", "predicted",
    ]

    /// Whether a verb reports speech (`said`, `announced`): its tail is what was said.
    static func reports(_ w: String) -> Bool {
        Lexicon.speechVerbs.contains(w) || TriggerLexicon.entries[w].map { $0.pattern == .speaker && !$0.isNoun } ?? false
    }

    /// Whether a clause's tail is what someone said (`said the strikes ...`, `warned that ...`).
    static func reportsSpeech(_ c: Clause, _ tokens: [Token]) -> Bool {
        let w = tokens[c.head].lower
        return reports(w) || thatVerbs.contains(w) && c.tail.first.map { tokens[$0].lower == "that" } ?? false
    }

    /// What a relative pronoun stands for: the name, or the noun with its determiner, before the comma.
    private static func antecedent(before opener: Int, floor: Int, _ tokens: [Token]) -> Range<Int> {
        var j = opener
        if j > floor, tokens[j - 1].isPunct(",") { j -= 1 }
        var k = j
        while k > floor, j - k < 6 {
            let t = tokens[k - 1]
            let inName = t.lower == "of" && k - 2 >= floor && tokens[k - 2].isCapitalized && tokens[k].isCapitalized
            if isBoundary(t) || t.kind != .word || RoleFinder.prepositionWords.contains(t.lower) && !inName || isPast(t.lower) { break }
            k -= 1
            if RoleFinder.determinerWords.contains(t.lower) { break }
        }
        return k..<j
    }

    /// The words between the boundary before `end` and `end`, at most ten.
    private static func segment(before end: Int, floor: Int, _ tokens: [Token]) -> Range<Int> {
        var k = end
        while k > floor, end - k < 10, !isBoundary(tokens[k - 1]), !Lexicon.subordinators.contains(tokens[k - 1].lower) { k -= 1 }
        return k..<end
    }

    /// Words after which the tail is no longer about the happening.
    private static let stops: Set<String> = [
        "while", "whereas", "because", "although", "though", "according", "as", "if", "unless", "when", "where",
    ]
    private static let dayWords: Set<String> = [
        "on", "late", "early", "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night",
    ]

    /// The comma at `i`, or after a day (`Monday,`, `on Tuesday night,`) starting at `i`.
    private static func commaAfterTime(_ i: Int, _ tokens: [Token], _ sentence: Range<Int>) -> Int? {
        var k = i
        while k < sentence.upperBound, k - i < 4, dayWords.contains(tokens[k].lower) || Lexicon.weekdays[tokens[k].lower] != nil {
            k += 1
        }
        return k < sentence.upperBound && tokens[k].isPunct(",") ? k : nil
    }

    /// Whether `and` or `but` at `k` opens a second predicate of the same subject, its next word
    /// (before `end`) an auxiliary (`and is due to hold a vote`) or, when `orPast`, a past form
    /// (`and fled`).
    static func opensPredicate(at k: Int, _ tokens: [Token], before end: Int, orPast: Bool = false) -> Bool {
        guard ["and", "but"].contains(tokens[k].lower), k + 1 < end else { return false }
        let next = tokens[k + 1].lower
        return auxiliaries.contains(next) || orPast && isPast(next)
    }

    /// Whether the past form at `i` is a participle describing the noun before it, not a clause's
    /// verb: the object of a verb (`signed the deal reached in May`, `to respect a truce agreed in
    /// April`) or of a preposition after a verb (`said in a report released on Wednesday`); not
    /// `details of the slaying emerged`, nor what someone reports (`said the army attacked`).
    static func describesNoun(_ i: Int, _ tokens: [Token], _ sentence: Range<Int>) -> Bool {
        guard i - 3 >= sentence.lowerBound, RoleFinder.determinerWords.contains(tokens[i - 2].lower),
            tokens[i - 1].kind == .word, !tokens[i - 1].isCapitalized
        else { return false }
        let verb = tokens[i - 3]
        if verb.kind == .word, !verb.isCapitalized, !reports(verb.lower), !thatVerbs.contains(verb.lower),
            isPast(verb.lower) || i - 4 >= sentence.lowerBound && tokens[i - 4].lower == "to"
        {
            return true
        }
        guard nounPrepositions.contains(verb.lower) else { return false }
        var k = i - 4
        while k >= sentence.lowerBound, !isBoundary(tokens[k]) {
            if tokens[k].kind == .word, !tokens[k].isCapitalized, isPast(tokens[k].lower) || reports(tokens[k].lower) { return true }
            k -= 1
        }
        return false
    }

    /// Prepositions that are never subordinators (`after the army withdrew` is a clause).
    private static let nounPrepositions: Set<String> = [
        "in", "on", "at", "of", "with", "from", "into", "for", "about", "under", "over", "near", "during", "without", "through",
        "among", "against", "across", "behind", "beyond", "inside", "outside", "toward", "towards",
    ]
    private static let modals: Set<String> = ["may", "might", "could", "would", "can", "should", "must"]
    private static let auxiliaries: Set<String> = ["has", "have", "had", "was", "were", "is", "are", "will"]
    private static let inserts: Set<String> = [
        "not", "never", "also", "already", "just", "since", "reportedly", "allegedly", "then", "still", "n't", "first", "last",
        "again",
    ]
    private static let blockers: Set<String> = [
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "of", "by",
        "with", "for", "to", "in", "on", "at", "from", "into", "than", "newly", "recently", "so", "well", "be",
    ]
    private static let notPast: Set<String> = [
        "need", "indeed", "speed", "seed", "united", "red", "based", "feed", "shed", "deed", "embed", "proceed",
        "exceed", "succeed", "hundred", "sacred", "naked", "wicked", "alleged", "beloved", "rugged", "ragged",
        "wretched", "crooked", "kindred", "bed", "led", "fled", "bred", "fed", "wed", "weed", "greed", "breed", "heed", "reed", "sled",
        "aged",
    ]

    static func isBoundary(_ t: Token) -> Bool {
        t.kind == .punctuation && [",", ";", ":", "(", ")", "\u{2014}", "\u{2013}", "\"", "\u{201C}", "\u{201D}"].contains(t.text)
    }

    /// Whether `w` ends with `suffix`, compared as UTF-8 bytes (cheaper than by characters).
    static func ends(_ w: String, _ suffix: String) -> Bool {
        let a = w.utf8
        let b = suffix.utf8
        return a.count >= b.count && a.reversed().starts(with: b.reversed())
    }

    /// A regular past form (`collapsed`) or a listed irregular one (`struck`).
    static func isPast(_ w: String) -> Bool {
        if Lexicon.irregularPast.contains(w) { return true }
        let bytes = w.utf8
        return bytes.count >= 4 && ends(w, "ed") && bytes.allSatisfy { $0 >= 97 && $0 <= 122 } && !notPast.contains(w)
    }

    static func isParticiple(_ w: String) -> Bool {
        isPast(w) || Lexicon.irregularParticiples.contains(w) || ["led", "fled", "fed", "bred"].contains(w)
    }

    private static func isVerbWord(_ t: Token) -> Bool {
        t.kind == .word && !t.isCapitalized
    }

    private static func skipInserts(from i: Int, _ tokens: [Token], _ sentence: Range<Int>) -> Int {
        var j = i
        while j < sentence.upperBound, inserts.contains(tokens[j].lower) || tokens[j].lower.utf8.count > 4 && ends(tokens[j].lower, "ly") {
            j += 1
        }
        return j
    }

    /// The verb group that starts at `i`, if one does.
    private static func group(at i: Int, _ tokens: [Token], _ sentence: Range<Int>) -> (verbs: Range<Int>, head: Int, form: Clause.Form)? {
        let t = tokens[i]
        guard t.kind == .word, !t.isCapitalized else { return nil }
        let w = t.lower
        if modals.contains(w) {
            // `may launch`: what only might happen bounds clauses but reports nothing.
            let j = skipInserts(from: i + 1, tokens, sentence)
            guard j < sentence.upperBound, isVerbWord(tokens[j]), !blockers.contains(tokens[j].lower) else { return nil }
            var end = j + 1
            if ["be", "have"].contains(tokens[j].lower), end < sentence.upperBound, isVerbWord(tokens[end]) { end += 1 }
            return (i..<end, end - 1, .modal)
        }
        if w == "having", i + 1 < sentence.upperBound, isVerbWord(tokens[i + 1]), isParticiple(tokens[i + 1].lower) {
            // `having sent`: a participle clause that shares the sentence's subject.
            return (i..<(i + 2), i + 1, .perfect)
        }
        if auxiliaries.contains(w) {
            var j = skipInserts(from: i + 1, tokens, sentence)
            guard j < sentence.upperBound, isVerbWord(tokens[j]) else { return nil }
            if w == "will" {
                let v = tokens[j].lower
                if v == "be", j + 1 < sentence.upperBound, isVerbWord(tokens[j + 1]), isParticiple(tokens[j + 1].lower) {
                    return (i..<(j + 2), j + 1, .future)
                }
                guard !auxiliaries.contains(v), !blockers.contains(v), !ends(v, "ly") else { return nil }
                return (i..<(j + 1), j, .future)
            }
            // `is due to hear the case`, `is due to be sentenced`: the plan's verb heads a clause of
            // what is to happen.
            if ["is", "are"].contains(w), ["due", "set", "scheduled", "expected"].contains(tokens[j].lower), j + 2 < sentence.upperBound,
                tokens[j + 1].lower == "to", isVerbWord(tokens[j + 2])
            {
                let passive = tokens[j + 2].lower == "be" && j + 3 < sentence.upperBound && isParticiple(tokens[j + 3].lower)
                if passive { return (i..<(j + 4), j + 3, .future) }
                if !blockers.contains(tokens[j + 2].lower) { return (i..<(j + 3), j + 2, .future) }
            }
            var perfect = ["has", "have", "had"].contains(w)
            if perfect, tokens[j].lower == "been" {
                perfect = false
                j = skipInserts(from: j + 1, tokens, sentence)
                guard j < sentence.upperBound, isVerbWord(tokens[j]) else { return nil }
            } else if perfect == false, tokens[j].lower == "being" {
                j += 1
                guard j < sentence.upperBound, isVerbWord(tokens[j]) else { return nil }
            }
            let v = tokens[j].lower
            if !perfect, v.utf8.count > 5, ends(v, "ing") { return (i..<(j + 1), j, .progressive) }
            guard isParticiple(v) else { return nil }
            return (i..<(j + 1), j, perfect ? .perfect : .passive)
        }
        if isPast(w) {
            if i > sentence.lowerBound {
                let p = tokens[i - 1]
                if blockers.contains(p.lower) || p.kind == .number || p.isPossessive || ends(p.lower, "'s") { return nil }
            }
            // `the school targeted by`: a reduced passive describes a noun, it does not report.
            if i + 1 < sentence.upperBound, tokens[i + 1].lower == "by", !Lexicon.irregularPast.contains(w) { return nil }
            if describesNoun(i, tokens, sentence) { return nil }
            return (i..<(i + 1), i, .past)
        }
        // `plans to redeem`: a plan in the present heads a clause of what is planned.
        if Lexicon.planVerbs.contains(w), ends(w, "s"), i + 1 < sentence.upperBound, tokens[i + 1].lower == "to", i > sentence.lowerBound,
            !blockers.contains(tokens[i - 1].lower)
        {
            return (i..<(i + 1), i, .present)
        }
        if let entry = TriggerLexicon.entries[w], !entry.isNoun, ends(w, "s"), i > sentence.lowerBound,
            !blockers.contains(tokens[i - 1].lower)
        {
            return (i..<(i + 1), i, .present)
        }
        return nil
    }
}
