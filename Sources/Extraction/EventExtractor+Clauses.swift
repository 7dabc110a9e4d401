import NewsModel

/// Events from clauses no dated trigger told: a clause that reports a happening and has a time
/// (its own, or the one the text carries forward) becomes an event, of the type of a trigger it
/// holds that found no date of its own (`shares fell on Friday`), else of type `unknown`.
extension EventExtractor {
    func clauseEvents(
        _ clauses: [Clause], own: [[EventDate]], triggers: [Trigger], dated: Set<Int>, taken: Set<String>, times: [TimeExpression],
        carried: EventDate?,
        writer: SummaryWriter, statements: StatementReader, tokens: [Token], source: EventSource
    ) -> [(Int, Event)] {
        var out: [(Int, Event)] = []
        var previous: EventDate?
        // A time a trigger took dates that trigger (`for the 2010 raid`).
        let free = own.map { dates in dates.filter { date in !triggers.contains { $0.dates.contains { $0.value == date.value } } } }
        for (n, c) in clauses.enumerated() {
            let inside = triggers.filter { c.span.contains($0.token) }
            let mine = free[n]
            var date = mine.first
            if date == nil, times.isEmpty {
                date = carried
            } else if date == nil, Self.sharing.contains(c.opener ?? "") {
                // A coordinated or simultaneous clause shares the time before it (`seized the
                // airport and torched the terminal`).
                date = previous
            } else if date == nil, n + 1 < clauses.count, Self.simultaneous.contains(clauses[n + 1].opener ?? ""),
                let next = own[n + 1].first, Self.carries(next)
            {
                // `Three people died when a bus overturned on Monday`
                date = next
            }
            // The time before a coordinated clause is its predecessor's, whoever took it.
            if let first = own[n].first, Self.carries(first) { previous = first }
            // A trigger that is the clause's verb, subject or object reports the same happening:
            // if it made a dated event, the clause adds nothing; if not, it names the clause's kind.
            let telling = inside.filter { t in
                c.verbs.contains(t.token) || c.subject.contains(t.token) && t.token >= c.start || writer.isObject(t.token, of: c)
            }
            // `The team planned to leave on Thursday`: what is planned happens later.
            let form = Self.isPlan(c, tokens: tokens) ? .future : c.form
            // What someone reports happened is a happening too, when the clause dates it itself
            // (`Bombs exploded on Friday, witnesses said`).
            let reportedUndated = mine.isEmpty && reported(c, among: clauses, tokens: tokens)
            guard form != .present, form != .modal, !Self.isStative(c, tokens: tokens),
                !telling.contains(where: { dated.contains($0.token) }), !reportedUndated,
                let date, fits(date, form),
                let summary = writer.summary(head: c.head, isNoun: false, type: .unknown), !taken.contains(summary)
            else { continue }
            let (participants, location) = arguments(of: c, writer: writer, tokens: tokens)
            guard !participants.isEmpty || !c.subject.isEmpty else { continue }
            var status = EventStatus.occurred
            if form == .future || date.earliest > publishedAt { status = .scheduled }
            if form == .progressive || date.modifier == .since { status = .ongoing }
            let confidence = 0.3 + (mine.isEmpty ? 0.05 : 0.15) + 0.05 * Double(min(3, participants.count))
            let type = (telling.first { $0.token == c.head } ?? telling.first)?.entry.type ?? Self.kind(of: c, tokens: tokens)
            out.append(
                (
                    c.head,
                    Event(
                        id: "", type: type, summary: summary, date: date, status: status, location: location,
                        participants: participants, sources: [source],
                        confidence: (confidence * 100).rounded() / 100, extractorVersion: Extractor.version,
                        said: type == .statement ? statements.said(at: c.head) : nil)
                ))
        }
        return out
    }

    /// Whether the clause's verb tells a state, not a happening (`remained`, `a puppy named`);
    /// `called for` and `called on` are appeals, `expected to join` a plan, and `were named` a
    /// naming.
    static func isStative(_ c: Clause, tokens: [Token]) -> Bool {
        let head = tokens[c.head].lower
        return Lexicon.stativeVerbs.contains(head) && !isCall(c, tokens: tokens) && !isPlan(c, tokens: tokens)
            && !(c.form == .passive && ["named", "called"].contains(head))
    }

    private static func isCall(_ c: Clause, tokens: [Token]) -> Bool {
        tokens[c.head].lower == "called" && c.form == .past && c.tail.first.map { ["for", "on"].contains(tokens[$0].lower) } ?? false
    }

    /// The kind a clause's words tell even though the trigger lexicon lists no verb of it: a verb
    /// of saying (`wrote`) makes a statement, a call for something (`called for talks`) an
    /// appeal, a finding of guilt or liability (`found the company liable`) a ruling; anything
    /// else is `unknown`.
    static func kind(of c: Clause, tokens: [Token]) -> EventType {
        let head = tokens[c.head].lower
        if isCall(c, tokens: tokens) { return .appeal }
        if ClauseFinder.reports(head) { return .statement }
        if ["found", "declared", "held", "pronounced"].contains(head),
            c.tail.prefix(8).contains(where: { ["guilty", "liable", "innocent", "responsible"].contains(tokens[$0].lower) })
        {
            return .ruling
        }
        return .unknown
    }

    /// Whether the clause's verb is a plan for another (`planned to leave`, `is expected to
    /// arrive`), so that its time is when the planned thing happens.
    static func isPlan(_ c: Clause, tokens: [Token]) -> Bool {
        let next = c.verbs.upperBound
        return Lexicon.planVerbs.contains(tokens[c.head].lower) && next + 1 < tokens.count && tokens[next].lower == "to"
            && tokens[next + 1].kind == .word && !tokens[next + 1].isCapitalized
    }

    /// Whether a date can be the time of a clause of this form: no past date for `will`, no
    /// future date for a past form.
    func fits(_ date: EventDate, _ form: Clause.Form) -> Bool {
        switch form {
        case .future: return date.latest >= publishedAt
        case .past, .perfect, .passive: return date.earliest <= publishedAt
        case .progressive, .present: return true
        case .modal: return false
        }
    }

    /// The last time of a sentence that dates the sentences after it: a plain date of a main
    /// clause, not one of a relative clause (`after a hearing that ended in September`).
    static func lastCarried(_ times: [TimeExpression], clauses: [Clause], tokens: [Token]) -> EventDate? {
        times.last { time in
            guard carries(time.date) else { return false }
            guard let c = clauses.last(where: { $0.span.contains(time.tokens.lowerBound) }) else { return true }
            return !isRelative(c, clauses: clauses, tokens: tokens)
        }?.date
    }

    /// Whether a clause describes a noun (`which`, `who`, or `that` after a noun), not a verb's
    /// content (`said that`).
    private static func isRelative(_ c: Clause, clauses: [Clause], tokens: [Token]) -> Bool {
        if c.isRelative { return true }
        guard c.opener == "that", c.start > 0 else { return false }
        let before = c.start - 1
        return tokens[before].kind == .word && !clauses.contains { $0.head == before }
    }

    /// Whether a time phrase may date the sentences after it: a plain date, not a bound (`since`, `until`).
    static func carries(_ date: EventDate) -> Bool {
        date.modifier == nil || [.early, .mid, .late, .about].contains(date.modifier!)
    }

    /// The tokens of time phrases a summary leaves out: all but those inside a noun phrase (`the
    /// 2010 raid`, `Sunday's runoff`).
    static func timeTokens(_ times: [TimeExpression], tokens: [Token]) -> Set<Int> {
        var out = Set<Int>()
        for time in times {
            let before = time.tokens.lowerBound - 1
            if before >= 0, ["the", "a", "an", "its", "their", "his", "her"].contains(tokens[before].lower) { continue }
            if tokens[time.tokens.upperBound - 1].isPossessive { continue }
            out.formUnion(time.tokens)
            // `in October`: the preposition goes with its time.
            if before >= 0, !RoleFinder.prepositionWords.contains(tokens[time.tokens.lowerBound].lower),
                ["in", "on", "at", "during"].contains(tokens[before].lower)
            {
                out.insert(before)
            }
            // `early on Wednesday`, `on Thursday morning`: parts of the day go with the time.
            if before >= 0, dayParts.contains(tokens[before].lower) { out.insert(before) }
            if time.tokens.upperBound < tokens.count, dayParts.contains(tokens[time.tokens.upperBound].lower) {
                out.insert(time.tokens.upperBound)
            }
        }
        return out
    }

    private static let simultaneous: Set<String> = ["when", "as", "while"]
    private static let sharing: Set<String> = ["and", "but", "then", "when", "as", "while"]
    private static let dayParts: Set<String> = ["early", "late", "morning", "afternoon", "evening", "night", "overnight"]

    /// Each clause's own time phrases: those inside it, and a phrase before any clause
    /// (`On Sunday, ...`) goes to the first clause after it.
    static func ownTimes(_ times: [TimeExpression], clauses: [Clause]) -> [[EventDate]] {
        var out = Array(repeating: [EventDate](), count: clauses.count)
        for time in times {
            let k =
                clauses.lastIndex { $0.span.contains(time.tokens.lowerBound) }
                ?? clauses.firstIndex { $0.start >= time.tokens.upperBound }
            if let k { out[k].append(time.date) }
        }
        return out
    }

    /// Whether the clause is what another clause of the sentence reports someone said.
    private func reported(_ c: Clause, among clauses: [Clause], tokens: [Token]) -> Bool {
        clauses.contains { other in
            guard other.head != c.head, ClauseFinder.reportsSpeech(other, tokens) else { return false }
            // `X said the strikes breached ...` or `The strikes breached ..., X said`.
            if other.tail.contains(c.head) { return true }
            return other.start > c.head && ClauseFinder.isBoundary(tokens[other.start - 1])
                && !clauses.contains { other.tail.contains($0.head) }
        }
    }

    /// The clause's arguments: names in the subject act (or, in a passive, undergo), the object
    /// and `on`/`against`/`to` phrases are targets, `with` phrases take part, `by` a passive's actor,
    /// `in`/`at` a place.
    private func arguments(of c: Clause, writer: SummaryWriter, tokens: [Token]) -> ([Participant], String?) {
        var participants: [Participant] = []
        var location: String?
        let passive = c.form == .passive
        let mentions = writer.mentions
        // `travel to Cairo` goes to a place; `apologized to Turkey` addresses someone.
        let head = tokens[c.head].lower
        let moves =
            Lexicon.motionVerbs.contains(head) || ["travel", "arrive", "return", "go", "fly", "move"].contains { head.hasPrefix($0) }
        var k = c.subject.lowerBound
        while k < c.subject.upperBound {
            if let m = writer.mentionAt[k] {
                let prev = k > c.subject.lowerBound ? tokens[k - 1].lower : ""
                if !RoleFinder.prepositionWords.contains(prev), !mentions[m].isDemonym || c.subject.count <= 2 {
                    participants.append(Participant(entityId: mentions[m].entityId, role: passive ? .target : .actor))
                }
                k = mentions[m].candidate.tokens.upperBound
                continue
            }
            if ["he", "she", "it", "they"].contains(tokens[k].lower), let m = writer.referent(of: k) {
                participants.append(Participant(entityId: mentions[m].entityId, role: passive ? .target : .actor))
            }
            k += 1
        }
        var preposition: String?
        k = c.tail.lowerBound
        while k < min(c.tail.upperBound, c.tail.lowerBound + 14) {
            let word = tokens[k].lower
            if RoleFinder.prepositionWords.contains(word) { preposition = word }
            if let m = writer.mentionAt[k] {
                let mention = mentions[m]
                switch preposition {
                case nil: if !passive, !mention.isDemonym { participants.append(Participant(entityId: mention.entityId, role: .target)) }
                case "to", "on", "against", "into":
                    if mention.type == .location, preposition == "to" || preposition == "into", moves {
                        location = location ?? mention.entityId
                    } else if !mention.isDemonym {
                        participants.append(Participant(entityId: mention.entityId, role: .target))
                    }
                case "with", "between": participants.append(Participant(entityId: mention.entityId, role: .participant))
                case "by" where passive: participants.append(Participant(entityId: mention.entityId, role: .actor))
                case "in", "at", "near", "outside", "inside":
                    if mention.type == .location, !mention.isDemonym { location = location ?? mention.entityId }
                default: break
                }
                k = mention.candidate.tokens.upperBound
                continue
            }
            k += 1
        }
        participants = Self.unique(participants)
        if let location { participants.removeAll { $0.entityId == location && $0.role != .actor } }
        return (participants, location)
    }
}
