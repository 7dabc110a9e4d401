import NewsModel

/// Finds who takes part in the happening a trigger reports, and where it happens.
///
/// The subject before a verb (or the possessive before a noun: `Hamas's attack`) acts; the
/// object after a verb is its target; prepositions give the rest: `on`/`against` a target,
/// `between X and Y` and `with X` participants, `mediated by X, Y and Z` mediators, `in`/`at`
/// a place. `he`/`she` stand for the last person named before them.
struct RoleFinder: Sendable {
    let tokens: [Token]
    let mentions: [LinkedMention]
    let mentionAt: [Int: Int]

    struct Found {
        var participants: [Participant] = []
        var location: String?
    }

    private static let prepositions: Set<String> = [
        "in", "at", "on", "to", "from", "of", "for", "with", "by", "between", "against", "into", "near", "over",
        "under", "about", "after", "before", "since", "during", "than", "like", "via", "among", "across", "through",
        "toward", "towards", "including", "inside", "outside",
    ]
    private static let determiners: Set<String> = ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those"]
    /// Prepositions and determiners, for other readers of a clause's words.
    static var prepositionWords: Set<String> { prepositions }
    static var determinerWords: Set<String> { determiners }
    private static let sufferVerbs: Set<String> = ["face", "faces", "faced", "facing", "suffered", "suffer", "endured", "hit", "survived"]
    /// Verbs that take a trigger noun as object and give it their subject (`launch an attack`).
    private static let lightVerbs: Set<String> = [
        "launch", "launched", "launches", "carry", "carried", "carries", "conduct", "conducted", "hold", "held",
        "holds", "stage", "staged", "mount", "mounted", "make", "made", "pay", "paid", "begin", "began", "start",
        "started", "resume", "resumed", "order", "ordered", "face", "faces", "faced", "suffer", "suffered",
        "sign", "signed", "win", "won", "lose", "lost", "host", "hosted", "deliver", "delivered", "send", "sent",
        "provide", "provided", "announce", "announced", "issue", "issued", "declare", "declared",
    ]
    private static let mediationWords: Set<String> = ["mediated", "brokered", "facilitated", "mediation", "hosted"]

    private func isBoundary(_ t: Token) -> Bool {
        t.kind == .punctuation && [",", ";", ":", "(", ")", "\u{2014}", "\u{2013}", "\"", "\u{201C}", "\u{201D}"].contains(t.text)
    }

    func find(for t: Int, entry: TriggerLexicon.Entry, sentence: Range<Int>) -> Found {
        var found = Found()
        var subjects: [Int] = []
        var subjectSuffers = false
        var objects: [Int] = []
        // Possessive or demonym before a noun: `Hamas's August 12th announcement`, `Iranian attack`.
        if entry.isNoun {
            var k = t - 1
            var skipped = 0
            while k >= sentence.lowerBound, skipped <= 4 {
                if let m = mentionAt[k] {
                    let mention = mentions[m]
                    if mention.candidate.isPossessive || (mention.isDemonym && k == t - 1) { subjects = [m] }
                    break
                }
                let tok = tokens[k]
                if isBoundary(tok) || tok.isCapitalized && Lexicon.months[tok.lower] == nil { break }
                k -= 1
                skipped += 1
            }
        }
        if subjects.isEmpty { (subjects, subjectSuffers) = subject(before: t, isNoun: entry.isNoun, sentence: sentence) }
        if !entry.isNoun { objects = object(after: t, sentence: sentence) }
        var prepositional: [(String, Int)] = []
        var k = t + 1
        var list: String?
        while k < sentence.upperBound, k <= t + 14 {
            let tok = tokens[k]
            if isBoundary(tok), list == nil || !tok.isPunct(",") { break }
            if tok.lower == "by", Self.mediationWords.contains(tokens[k - 1].lower) { break }
            if Self.prepositions.contains(tok.lower) || tok.lower == "and" && list != nil {
                if tok.lower != "and" { list = tok.lower }
                var j = k + 1
                while j < sentence.upperBound, Self.determiners.contains(tokens[j].lower) { j += 1 }
                if j < sentence.upperBound, let m = mentionAt[j], let prep = list {
                    prepositional.append((prep, m))
                    k = mentions[m].candidate.tokens.upperBound
                    if prep != "between" || tokens[k - 1].lower == "and" { list = nil }
                    continue
                }
                if tok.lower != "and" { list = nil }
            } else if TriggerLexicon.entries[tok.lower] != nil, k > t + 1 {
                break
            }
            k += 1
        }
        func add(_ m: Int, _ role: Participant.Role) {
            let mention = mentions[m]
            found.participants.append(Participant(entityId: mention.entityId, role: role))
        }
        let type = entry.type
        for m in subjects {
            switch entry.pattern {
            case .host: add(m, .host)
            case .visit: add(m, .guest)
            case .symmetric: add(m, .participant)
            case .actorTarget, .speaker: add(m, subjectSuffers ? .target : .actor)
            }
        }
        for m in objects {
            let mention = mentions[m]
            switch entry.pattern {
            case .host: add(m, .guest)
            case .visit:
                if mention.type == .location { found.location = found.location ?? mention.entityId } else { add(m, .host) }
            case .symmetric: add(m, .participant)
            case .actorTarget: add(m, .target)
            case .speaker: break
            }
        }
        for (prep, m) in prepositional {
            let mention = mentions[m]
            switch prep {
            case "in", "at", "near", "inside", "outside":
                if mention.type == .location, !mention.isDemonym { found.location = found.location ?? mention.entityId }
            case "on", "against":
                if entry.pattern == .actorTarget { add(m, .target) }
            case "to":
                if entry.pattern == .visit {
                    if mention.type == .location { found.location = found.location ?? mention.entityId } else { add(m, .host) }
                } else if entry.pattern == .actorTarget {
                    add(m, .target)
                }
            case "with", "between": add(m, type == .fight ? .actor : .participant)
            case "by": if entry.isNoun || tokens[t].lower.hasSuffix("ed") { add(m, .actor) }
            default: break
            }
        }
        if found.location == nil { found.location = place(after: t, sentence: sentence) }
        if [.consult, .cooperate, .yield].contains(type) {
            for m in mediators(in: sentence) { add(m, .mediator) }
        }
        if let location = found.location {
            found.participants.removeAll { $0.entityId == location && ($0.role == .participant) }
        }
        found.participants = EventExtractor.unique(found.participants)
        return found
    }

    /// The subject before a trigger: the nearest name not inside a prepositional phrase, with
    /// names joined by `and` before it; for a noun, only when no preposition governs the noun.
    private func subject(before t: Int, isNoun: Bool, sentence: Range<Int>) -> ([Int], Bool) {
        var k = t - 1
        var suffers = false
        var sawLightVerb = !isNoun
        // `criticized X ... and blamed Y`: a coordinated verb shares the sentence's subject.
        if !isNoun, k >= sentence.lowerBound, ["and", "but", "then"].contains(tokens[k].lower) {
            var j = sentence.lowerBound
            while j < k {
                if let m = mentionAt[j] {
                    let prev = j > sentence.lowerBound ? tokens[j - 1].lower : ""
                    if !Self.prepositions.contains(prev) { return ([m], false) }
                    j = mentions[m].candidate.tokens.upperBound
                    continue
                }
                j += 1
            }
        }
        while k >= sentence.lowerBound, t - k <= 16 {
            let tok = tokens[k]
            if isBoundary(tok) { break }
            if Self.sufferVerbs.contains(tok.lower) { suffers = true }
            if Self.lightVerbs.contains(tok.lower) { sawLightVerb = true }
            if let m = mentionAt[k] {
                if !sawLightVerb { return ([], false) }
                let first = mentions[m].candidate.tokens.lowerBound
                let prev = first > sentence.lowerBound ? tokens[first - 1].lower : ""
                if !Self.prepositions.contains(prev) {
                    var out = [m]
                    var j = first - 1
                    while j - 1 >= sentence.lowerBound, tokens[j].lower == "and" || tokens[j].isPunct(","), let other = mentionAt[j - 1] {
                        out.insert(other, at: 0)
                        j = mentions[other].candidate.tokens.lowerBound - 1
                    }
                    return (out, suffers)
                }
                k = first - 1
                continue
            }
            if Lexicon.personPronouns.contains(tok.lower), tok.lower == "he" || tok.lower == "she" {
                if let m = mentions.lastIndex(where: { $0.type == .person && $0.candidate.end <= tok.start }) { return ([m], suffers) }
                return ([], suffers)
            }
            if isNoun, Self.prepositions.contains(tok.lower) { return ([], suffers) }
            if ["which", "who", "that", "when", "while", "if"].contains(tok.lower) { break }
            k -= 1
        }
        return ([], suffers)
    }

    /// The object after a verb: the head name of the noun phrase that follows.
    private func object(after t: Int, sentence: Range<Int>) -> [Int] {
        var k = t + 1
        var found: [Int] = []
        while k < sentence.upperBound, k <= t + 8 {
            let tok = tokens[k]
            if isBoundary(tok) || Self.prepositions.contains(tok.lower) { break }
            if let m = mentionAt[k] {
                found.append(m)
                k = mentions[m].candidate.tokens.upperBound
                continue
            }
            if tok.kind == .word, !tok.isCapitalized, tok.lower.hasSuffix("ed") { break }
            k += 1
        }
        if let person = found.last(where: { mentions[$0].type == .person }) { return [person] }
        if let name = found.last(where: { !mentions[$0].isDemonym }) { return [name] }
        return Array(found.suffix(1))
    }

    /// The first place after `in`/`at` later in the sentence, before another trigger.
    private func place(after t: Int, sentence: Range<Int>) -> String? {
        var k = t + 1
        while k + 1 < sentence.upperBound {
            let tok = tokens[k]
            if TriggerLexicon.entries[tok.lower] != nil || ["which", "who", "while", "if"].contains(tok.lower) { return nil }
            if ["in", "at"].contains(tok.lower) {
                var j = k + 1
                while j < sentence.upperBound, Self.determiners.contains(tokens[j].lower) { j += 1 }
                if j < sentence.upperBound, let m = mentionAt[j], mentions[m].type == .location, !mentions[m].isDemonym {
                    return mentions[m].entityId
                }
            }
            k += 1
        }
        return nil
    }

    /// `mediated by the U.S., Qatar, and Egypt`.
    private func mediators(in sentence: Range<Int>) -> [Int] {
        guard let k = sentence.first(where: { Self.mediationWords.contains(tokens[$0].lower) }),
            k + 1 < sentence.upperBound, tokens[k + 1].lower == "by" || tokens[k].lower == "mediation"
        else { return [] }
        var out: [Int] = []
        var j = k + 2
        while j < sentence.upperBound {
            let tok = tokens[j]
            if let m = mentionAt[j] {
                out.append(m)
                j = mentions[m].candidate.tokens.upperBound
                continue
            }
            if tok.isPunct(",") || tok.lower == "and" || tok.lower == "of" || Self.determiners.contains(tok.lower) {
                j += 1
                continue
            }
            break
        }
        return out
    }
}
