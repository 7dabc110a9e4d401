import NewsModel

/// Writes an event's summary from the clause that reports it: subject, verb group and object,
/// trimmed to a short line (`Israel struck a school in Gaza`).
///
/// Leading discourse words, time phrases, subordinate clauses and trailing attributions are left
/// out; a pronoun subject becomes the person or organization it stands for. A reporting verb keeps
/// what was said (`Colville said the strikes breached international law`). A trigger noun with a
/// possessive actor becomes a clause of its own (`Hamas's attack on Israel` gives `Hamas carried
/// out an attack on Israel`); another noun takes the clause it stands in.
struct SummaryWriter {
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    let mentions: [LinkedMention]
    let mentionAt: [Int: Int]
    let names: [String: String]
    let sentence: Sentence
    let clauses: [Clause]
    /// Tokens of time phrases, which the summary leaves out (the event's date carries them).
    let timeTokens: Set<Int>

    /// The summary of the happening reported at token `head`, nil when no line of at least three
    /// words can be written.
    func summary(head: Int, isNoun: Bool, type: EventType) -> String? {
        if !isNoun, let c = clauses.first(where: { $0.head == head }) { return finish(clause(c)) }
        // A noun that is a clause's subject or direct object takes that clause (`Marsh won the
        // runoff`); one with a possessive actor becomes a clause of its own.
        if let c = clauses.first(where: { $0.subject.contains(head) && $0.start <= head || isObject(head, of: $0) }),
            let line = finish(clause(c, through: head))
        {
            return line
        }
        if isNoun, let actor = possessor(of: head), let line = finish(nominal(head, actor: actor, type: type)) { return line }
        // `have visited Russia ..., with the most recent visit`: a clause of the same kind before the noun.
        if let c = clauses.last(where: { $0.start <= head && TriggerLexicon.entries[tokens[$0.head].lower]?.type == type }),
            let line = finish(clause(c))
        {
            return line
        }
        // `In the first round on February 23, Marsh finished`: the clause an opening phrase leads to.
        if clauses.allSatisfy({ $0.start > head }), let c = clauses.first, let line = finish(clause(c)) { return line }
        // A noun inside a phrase of another clause (`after the next round of indirect talks
        // between Israel and Hamas`) is told by its own phrase when that says enough.
        if isNoun, inPhrase(head), let line = nounPhrase(head).flatMap(finish) { return line }
        if let c = clauses.last(where: { $0.span.contains(head) }), let line = finish(clause(c, through: head)) { return line }
        return isNoun ? nounPhrase(head).flatMap(finish) : nil
    }

    /// Whether `t` stands in the object right after the clause's verb group (no preposition but a
    /// measure's `of` between).
    func isObject(_ t: Int, of c: Clause) -> Bool {
        guard c.tail.contains(t), t - c.tail.lowerBound <= 6 else { return false }
        // `sent over 700 tons of humanitarian assistance`
        return !(c.tail.lowerBound..<t).contains {
            tokens[$0].lower != "of" && RoleFinder.prepositionWords.contains(tokens[$0].lower) || ClauseFinder.isBoundary(tokens[$0])
        }
    }

    /// Whether a noun's phrase stands after a preposition (`of indirect talks`), not as an
    /// object or complement (`to be a visit`).
    private func inPhrase(_ t: Int) -> Bool {
        var k = t
        while k > sentence.tokens.lowerBound, t - k < 4, !RoleFinder.prepositionWords.contains(tokens[k - 1].lower),
            !ClauseFinder.isBoundary(tokens[k - 1])
        {
            k -= 1
        }
        return k > sentence.tokens.lowerBound && RoleFinder.prepositionWords.contains(tokens[k - 1].lower) && tokens[k - 1].lower != "to"
    }

    // MARK: Clauses

    func clause(_ c: Clause, through: Int? = nil) -> [String] {
        let speech = ClauseFinder.reportsSpeech(c, tokens)
        var subject = Array(c.subject)
        var tail = Array(c.tail)
        if subject.isEmpty, speech, let m = mentionAt[c.verbs.upperBound] {
            // `"...," said Marsh`: the speaker follows the verb.
            subject = Array(mentions[m].candidate.tokens)
            tail.removeAll { subject.contains($0) }
        }
        var parts = subjectText(subject, clause: c)
        parts += runs(c.verbs.filter { !["also", "reportedly", "having"].contains(tokens[$0].lower) })
        var cap = speech ? 40 : 12
        if let through, through >= c.tail.lowerBound { cap = max(cap, through - c.tail.lowerBound + 5) }
        if speech {
            // What was said keeps its own times; only the time of saying goes.
            var k = 0
            while k < tail.count, timeTokens.contains(tail[k]) { k += 1 }
            tail = Array(tail[k...].prefix(cap))
        } else {
            tail = Array(tail.filter { !timeTokens.contains($0) }.prefix(cap))
        }
        // `will be sworn in`: a particle right after the verb stays.
        let particle = c.tail.first.flatMap { k -> Int? in
            guard Self.particles.contains(tokens[k].lower) else { return nil }
            let next = k + 1
            let timeFollows =
                next < c.tail.upperBound && timeTokens.contains(next) && !RoleFinder.prepositionWords.contains(tokens[next].lower)
            return timeFollows ? nil : k
        }
        tail = trimmed(tail)
        if let particle, tail.isEmpty { tail = [particle] }
        // `the commission said in a statement`, `told reporters`: what was said stands before the
        // verb; `declared a state of emergency` says it after.
        let object = tail.first.map { !RoleFinder.prepositionWords.contains(tokens[$0].lower) && tokens[c.head].lower != "told" } ?? false
        if speech, !object, !tail.contains(where: { k in clauses.contains { $0.head == k } }), let content = contentBefore(c) {
            parts += runs(tail)
            parts.append(content)
        } else {
            parts += runs(tail)
        }
        return parts
    }

    /// What a clause-final reporting verb reports: the sentence before it (`Turnout reached 61
    /// percent, the commission said`).
    private func contentBefore(_ c: Clause) -> String? {
        guard c.start > sentence.tokens.lowerBound, ClauseFinder.isBoundary(tokens[c.start - 1]) else { return nil }
        var idx = Array(sentence.tokens.lowerBound..<c.start)
        // A wire dateline (`SEOUL (Reuters) -`, `VALMORA, Ostravia (AP) —`) is not what was said.
        if let dash = idx.prefix(10).firstIndex(where: { ["-", "\u{2013}", "\u{2014}", "_"].contains(tokens[$0].text) }), dash > 0,
            tokens[idx[dash - 1]].isPunct(")") || tokens[idx[0]].isAcronym
        {
            idx.removeFirst(dash + 1)
        }
        let quoted = idx.first.map { Self.quotes.contains(tokens[$0].text) } ?? false
        while let f = idx.first, tokens[f].kind == .punctuation || Lexicon.discourseWords.contains(tokens[f].lower) { idx.removeFirst() }
        while let l = idx.last, tokens[l].kind == .punctuation { idx.removeLast() }
        guard idx.count >= 2 else { return nil }
        var text = runs(idx).joined(separator: " ")
        if quoted { return "\"" + text + "\"" }
        if mentionAt[idx[0]] == nil, !tokens[idx[0]].isAcronym, tokens[idx[0]].lower != "i" {
            text = text.prefix(1).lowercased() + text.dropFirst()
        }
        return text
    }

    private func subjectText(_ range: [Int], clause c: Clause) -> [String] {
        // `A federal judge on Tuesday blocked`: the date carries the time.
        var idx = range.filter { !timeTokens.contains($0) }
        while let f = idx.first,
            tokens[f].kind == .punctuation || Lexicon.discourseWords.contains(tokens[f].lower)
                || Lexicon.subordinators.contains(tokens[f].lower) && mentionAt[f] == nil
        {
            idx.removeFirst()
        }
        while let l = idx.last, tokens[l].kind == .punctuation || ["also", "reportedly"].contains(tokens[l].lower) { idx.removeLast() }
        if idx.isEmpty {
            if let m = nearestActor(before: c.verbs.lowerBound) { return [name(m)] }
            return []
        }
        if idx.count == 1, Self.pronouns.contains(tokens[idx[0]].lower) { return [resolve(idx[0])] }
        if idx.count > 10 { idx = trimmed(Array(idx.prefix(10))) }
        return runs(idx)
    }

    // MARK: Nouns

    /// The possessive or demonym actor right before a trigger noun (`Hamas's August 12th announcement`).
    func possessor(of t: Int) -> Int? {
        var k = t - 1
        while k >= sentence.tokens.lowerBound, t - k <= 5 {
            if let m = mentionAt[k] {
                let mention = mentions[m]
                return mention.candidate.isPossessive || mention.isDemonym && k == t - 1 ? m : nil
            }
            if ClauseFinder.isBoundary(tokens[k]) || tokens[k].isCapitalized && !timeTokens.contains(k) { return nil }
            k -= 1
        }
        return nil
    }

    /// The noun with its modifiers and the phrase after it (`the legislative elections due`).
    private func nounPhrase(_ t: Int) -> [String]? {
        var k = t
        while k > sentence.tokens.lowerBound, t - k < 4, tokens[k - 1].kind == .word || tokens[k - 1].kind == .number,
            !ClauseFinder.isBoundary(tokens[k - 1]), !RoleFinder.prepositionWords.contains(tokens[k - 1].lower)
        {
            k -= 1
            if RoleFinder.determinerWords.contains(tokens[k].lower) { break }
        }
        var idx = Array(k...t)
        var j = t + 1
        while j < sentence.tokens.upperBound, idx.count < 10, !ClauseFinder.isBoundary(tokens[j]),
            !Lexicon.subordinators.contains(tokens[j].lower), !clauses.contains(where: { $0.verbs.lowerBound == j })
        {
            idx.append(j)
            j += 1
        }
        return runs(trimmed(idx.filter { !timeTokens.contains($0) }))
    }

    private func nominal(_ t: Int, actor: Int, type: EventType) -> [String] {
        let noun = tokens[t].lower
        var modifiers = Array((mentions[actor].candidate.tokens.upperBound)..<t).filter { !timeTokens.contains($0) }
        var phrase: [Int] = []
        var k = t + 1
        let statement = Self.statementNouns[noun] != nil
        while k < sentence.tokens.upperBound, phrase.count < (statement ? 25 : 10) {
            let tok = tokens[k]
            if ClauseFinder.isBoundary(tok) || tok.kind == .word && ["which", "who", "while", "as", "if", "because"].contains(tok.lower) {
                break
            }
            if !statement, clauses.contains(where: { $0.verbs.lowerBound == k }) { break }
            if !timeTokens.contains(k) { phrase.append(k) }
            k += 1
        }
        phrase = trimmed(phrase)
        var parts = [name(actor)]
        if let verb = Self.statementNouns[noun] {
            parts.append(verb)
            if phrase.isEmpty { return [] }
            return parts + runs(phrase)
        }
        parts.append(Self.nounVerbs[noun] ?? Self.lightVerbs[type] ?? "carried out")
        modifiers = modifiers.filter { !RoleFinder.determinerWords.contains(tokens[$0].lower) }
        let first = tokens[modifiers.first ?? t].lower
        if !ClauseFinder.ends(noun, "s"), !Self.massNouns.contains(noun) {
            parts.append("aeiou".contains(first.first ?? "x") ? "an" : "a")
        }
        return parts + runs(modifiers + [t] + phrase)
    }

    // MARK: Names

    private func name(_ m: Int) -> String { names[mentions[m].entityId] ?? mentions[m].candidate.name }

    /// The person (`he`, `she`) or organization (`it`, `they`) a pronoun stands for; else the
    /// sentence's nearest named actor; else the pronoun.
    private func resolve(_ k: Int) -> String {
        referent(of: k).map(name) ?? tokens[k].text
    }

    /// The mention a pronoun subject stands for, as ``resolve`` reads it.
    func referent(of k: Int) -> Int? {
        let w = tokens[k].lower
        let wanted: EntityType = w == "he" || w == "she" ? .person : .organization
        if let m = mentions.lastIndex(where: {
            $0.type == wanted && !$0.isDemonym && $0.candidate.end <= tokens[k].start
                && $0.candidate.sentence >= sentence.index - (wanted == .person ? 3 : 1)
        }) {
            return m
        }
        return nearestActor(before: k)
    }

    /// The last person or organization named in the sentence before `k`, else the first after it.
    private func nearestActor(before k: Int) -> Int? {
        let inSentence = (sentence.tokens.lowerBound..<sentence.tokens.upperBound).compactMap { mentionAt[$0] }
        let actors = inSentence.filter { [.person, .organization].contains(mentions[$0].type) && !mentions[$0].isDemonym }
        return actors.last { mentions[$0].candidate.tokens.upperBound <= k } ?? actors.first
    }

    // MARK: Text

    /// Leaves out trailing words that cannot end a line (`in`, `the`, `and`) and punctuation.
    private func trimmed(_ idx: [Int]) -> [Int] {
        var out = idx
        while let l = out.last, tokens[l].kind == .punctuation || Self.danglers.contains(tokens[l].lower) { out.removeLast() }
        return out
    }

    /// The text of the tokens, contiguous runs as written, runs joined by spaces.
    private func runs(_ idx: [Int]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < idx.count {
            var j = i
            while j + 1 < idx.count, idx[j + 1] == idx[j] + 1 { j += 1 }
            out.append(ScalarText.string(scalars[tokens[idx[i]].start..<tokens[idx[j]].end]))
            i = j + 1
        }
        return out
    }

    /// One line: at least three words, first letter capitalised, no trailing punctuation, quotes closed.
    private func finish(_ parts: [String]) -> String? {
        var line = parts.filter { !$0.isEmpty }.joined(separator: " ")
        while let last = line.unicodeScalars.last, Self.trailing.contains(last) { line.unicodeScalars.removeLast() }
        var words = 0
        var inWord = false
        var straight = 0
        var opening = 0
        var closing = 0
        for s in line.unicodeScalars {
            if s == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
            }
            if s == "\"" { straight += 1 } else if s == "\u{201C}" { opening += 1 } else if s == "\u{201D}" { closing += 1 }
        }
        guard words >= 3 else { return nil }
        if straight % 2 == 1 { line += "\"" }
        if opening > closing { line += "\u{201D}" }
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    private static let trailing: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?"]
    private static let quotes: Set<String> = ["\"", "\u{201C}", "\u{201D}"]
    private static let pronouns: Set<String> = ["he", "she", "it", "they"]
    private static let danglers: Set<String> = RoleFinder.prepositionWords.union(RoleFinder.determinerWords)
        .union(["and", "or", "but", "that", "which", "who", "to", "as", "than", "also", "not"])
    private static let massNouns: Set<String> = [
        "aid", "assistance", "relief", "fighting", "shelling", "violence", "support", "investment", "inflation", "flooding", "war",
        "conflict",
    ]
    private static let statementNouns: [String: String] = [
        "announcement": "announced", "statement": "said", "declaration": "declared", "claim": "claimed",
    ]
    private static let particles: Set<String> = ["in", "out", "up", "down", "off", "over", "back", "away"]
    private static let nounVerbs: [String: String] = [
        "visit": "made", "trip": "made", "visits": "made", "pledge": "made", "promise": "made",
    ]
    private static let lightVerbs: [EventType: String] = [
        .consult: "held", .aid: "provided", .protest: "staged", .cooperate: "signed", .statement: "made",
        .appeal: "made", .intent: "made", .threaten: "issued", .demand: "made", .disapprove: "voiced",
        .investigate: "opened", .materialCooperation: "held", .election: "held",
    ]
}
