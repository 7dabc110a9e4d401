import NewsModel

/// Builds events from the triggers of each sentence: attaches each time phrase to the trigger it
/// dates, finds the participants and their roles, the place, the status and the figures.
struct EventExtractor: Sendable {
    let articleId: String
    let publishedAt: Day

    /// Everything the extractor needs to know about the body.
    struct Document {
        var tokens: [Token]
        var sentences: [Sentence]
        var scalars: [Unicode.Scalar]
        var mentions: [LinkedMention]
        var times: [[TimeExpression]]
        var names: [String: String]
    }

    /// One trigger word found in a sentence.
    struct Trigger {
        var token: Int
        var entry: TriggerLexicon.Entry
        var dates: [EventDate] = []
    }

    func extract(_ doc: Document) -> [Event] {
        let domain = Self.domain(of: doc.tokens)
        var mentionAt: [Int: Int] = [:]
        for (k, m) in doc.mentions.enumerated() {
            for t in m.candidate.tokens where mentionAt[t] == nil { mentionAt[t] = k }
        }
        let roles = RoleFinder(tokens: doc.tokens, mentions: doc.mentions, mentionAt: mentionAt)
        var events: [Event] = []
        var carried: EventDate?
        for sentence in doc.sentences {
            // A paragraph starts afresh: a time phrase carries only within its paragraph.
            if doc.tokens[sentence.tokens.lowerBound].afterNewline { carried = nil }
            let times = doc.times[sentence.index]
            let clauses = ClauseFinder.clauses(in: doc.tokens, sentence: sentence.tokens)
            let own = Self.ownTimes(times, clauses: clauses)
            let writer = SummaryWriter(
                tokens: doc.tokens, scalars: doc.scalars, mentions: doc.mentions, mentionAt: mentionAt,
                names: doc.names, sentence: sentence, clauses: clauses,
                timeTokens: Self.timeTokens(times, tokens: doc.tokens))
            defer { if let last = Self.lastCarried(times, clauses: clauses, tokens: doc.tokens) { carried = last } }
            var triggers = findTriggers(doc.tokens, sentence.tokens, domain: domain)
            attach(times, to: &triggers, tokens: doc.tokens, sentence: sentence.tokens, clauses: clauses)
            let figures = FigureExtractor.figures(in: doc.tokens, sentence: sentence.tokens, scalars: doc.scalars)
            let source = EventSource(
                articleId: articleId, sentenceIndex: sentence.index, start: sentence.start,
                end: sentence.end,
                quote: ScalarText.string(doc.scalars[sentence.start..<sentence.end]))
            let statements = StatementReader(tokens: doc.tokens, scalars: doc.scalars, sentence: sentence.tokens)
            var drafts: [(Int, Event)] = []
            for trigger in triggers {
                var found = roles.find(for: trigger.token, entry: trigger.entry, sentence: sentence.tokens)
                // An undated trigger of the same type names the same happening (`have visited
                // Russia ... the most recent visit in late June`): it lends its participants.
                for other in triggers
                where other.token != trigger.token && other.entry.type == trigger.entry.type
                    && other.dates.isEmpty && !trigger.dates.isEmpty
                {
                    let more = roles.find(for: other.token, entry: other.entry, sentence: sentence.tokens)
                    found.participants += more.participants
                    if found.location == nil { found.location = more.location }
                }
                found.participants = Self.unique(found.participants)
                let status = self.status(trigger.token, tokens: doc.tokens, sentence: sentence.tokens)
                var dates: [EventDate?] = trigger.dates
                if dates.isEmpty, !triggers.contains(where: { $0.entry.type == trigger.entry.type && !$0.dates.isEmpty }) {
                    let hasActor = found.participants.contains { [.actor, .host].contains($0.role) }
                    let hasOther = found.participants.contains { [.target, .guest].contains($0.role) }
                    if (status == .possible || status == .scheduled) && !found.participants.isEmpty || hasActor && hasOther {
                        dates = [nil]
                    } else if !trigger.entry.isNoun, let n = clauses.firstIndex(where: { $0.head == trigger.token }),
                        let anchor = own[n].first ?? (times.isEmpty ? carried : nil), fits(anchor, clauses[n].form)
                    {
                        // A verb that reports a happening takes its clause's time (`On Thursday,
                        // rebels seized`), else the one the text carries forward.
                        dates = [anchor]
                    }
                }
                guard !dates.isEmpty else { continue }
                let summary =
                    writer.summary(head: trigger.token, isNoun: trigger.entry.isNoun, type: trigger.entry.type)
                    ?? doc.tokens[trigger.token].lower + (trigger.entry.isNoun ? "|n" : "|v")
                for date in dates {
                    var s = status
                    if let date {
                        if date.modifier == .since, s == .occurred { s = .ongoing }
                        if date.earliest > publishedAt, s == .occurred { s = .scheduled }
                    }
                    let confidence = min(
                        0.95,
                        0.45 + (date == nil ? 0 : 0.2) + 0.1 * Double(min(3, found.participants.count))
                            + (found.location == nil ? 0 : 0.05) - (s == .possible ? 0.1 : 0))
                    let event = Event(
                        id: "", type: trigger.entry.type, summary: summary, date: date, status: s,
                        location: found.location, participants: found.participants, figures: [],
                        sources: [source], confidence: (confidence * 100).rounded() / 100,
                        extractorVersion: Extractor.version,
                        said: trigger.entry.type == .statement ? statements.said(at: trigger.token) : nil)
                    drafts.append((trigger.token, event))
                }
            }
            var others = clauseEvents(
                clauses, own: own, triggers: triggers, dated: Set(drafts.map(\.0)), taken: Set(drafts.map(\.1.summary)), times: times,
                carried: carried, writer: writer,
                statements: statements, tokens: doc.tokens, source: source)
            if drafts.isEmpty { assign(figures, to: &others) } else { assign(figures, to: &drafts) }
            events += drafts.map(\.1) + others.map(\.1)
        }
        events = Self.mergeWithinArticle(events)
        return Self.finish(events, names: doc.names)
    }

    // MARK: Triggers

    private static let followers: Set<String> = [
        "of", "on", "against", "in", "at", "between", "with", "by", "to", "from", "for", "that", "which", "who", "and",
        "or", "is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "may", "might", "should",
        "can", "approach", "approaches", "resume", "resumes", "begin", "begins", "start", "starts", "continue",
        "continues", "end", "ends", "fail", "fails", "remain", "remains", "stall", "stalls", "took", "over", "near",
        "across", "into", "after", "before", "since", "during", "as", "when", "where", "earlier", "later", "last",
        "this", "but", "amid", "among", "following", "despite", "late", "early", "kill", "kills", "left", "leaves",
        "began", "begins", "broke", "erupted", "started", "ended", "occurred", "took", "comes", "came",
        "due", "set", "scheduled", "expected", "planned", "fell", "rose", "struck", "hit", "killed", "next", "today",
        "yesterday", "tomorrow", "tonight",
    ]

    private func findTriggers(_ tokens: [Token], _ range: Range<Int>, domain: EventType?) -> [Trigger] {
        var out: [Trigger] = []
        for i in range {
            let t = tokens[i]
            guard t.kind == .word, !t.isCapitalized || i == range.lowerBound,
                var entry = TriggerLexicon.entries[t.lower]
            else { continue }
            if entry.isAmbiguous {
                guard let domain else { continue }
                entry.type = domain
                entry.pattern = .symmetric
            }
            if entry.isNoun, i + 1 < range.upperBound {
                let next = tokens[i + 1]
                // `ceasefire resolutions`: a trigger noun that modifies another noun is not the head.
                if next.kind == .word, !next.isCapitalized, !Self.followers.contains(next.lower),
                    !Tense.isPastVerb(next.lower), !next.lower.hasSuffix("ing")
                {
                    continue
                }
            }
            // `earthquake struck`, `attack killed`: the verb reports the noun's happening.
            if !entry.isNoun, let previous = out.last, previous.token == i - 1, previous.entry.isNoun { continue }
            if !entry.isNoun, ClauseFinder.describesNoun(i, tokens, range) { continue }
            out.append(Trigger(token: i, entry: entry))
        }
        return out
    }

    /// The topic an article's words point to, for triggers such as `won` and `victory`.
    static func domain(of tokens: [Token]) -> EventType? {
        var best: (EventType, Int)?
        for (type, cues) in TriggerLexicon.domainCues {
            let n = tokens.reduce(0) { $0 + (cues.contains($1.lower) ? 1 : 0) }
            if n >= 3, n > (best?.1 ?? 0) { best = (type, n) }
        }
        return best?.0
    }

    // MARK: Dates

    private static func isBoundary(_ t: Token) -> Bool {
        t.kind == .punctuation && [",", ";", ":", "(", ")", "\u{2014}", "\u{2013}"].contains(t.text)
    }

    /// Where a predicate coordinated after `time` starts, when the clause holding `time` tells
    /// a happening (`approved the bill on March 12 and is due to hold a final vote`): the time
    /// is not for the triggers from there on.
    private static func secondPredicate(after time: Range<Int>, tokens: [Token], sentence: Range<Int>, clauses: [Clause]) -> Int? {
        guard let own = clauses.last(where: { $0.span.contains(time.lowerBound) }),
            [.past, .perfect, .passive].contains(own.form), !isStative(own, tokens: tokens)
        else { return nil }
        return (time.upperBound..<max(time.upperBound, sentence.upperBound - 1)).first { k in
            ClauseFinder.opensPredicate(at: k, tokens, before: sentence.upperBound, orPast: true)
        }
    }

    /// Gives each time phrase to the trigger it dates: the trigger right after it (`August 10th
    /// airstrike`), the one in a following `when` clause, or else the nearest, preferring the
    /// same clause. A time in an aside after a closing attribution (`…, the military said, the
    /// latest launch this year`) dates nothing.
    private func attach(_ times: [TimeExpression], to triggers: inout [Trigger], tokens: [Token], sentence: Range<Int>, clauses: [Clause]) {
        for time in times {
            if let last = clauses.last, ClauseFinder.reportsSpeech(last, tokens), time.tokens.lowerBound >= last.verbs.upperBound,
                !last.tail.contains(time.tokens.lowerBound)
            {
                continue
            }
            let later = Self.secondPredicate(after: time.tokens, tokens: tokens, sentence: sentence, clauses: clauses)
            var date = time.date
            var chosen: Int?
            var w = time.tokens.upperBound
            if w < sentence.upperBound, tokens[w].isPunct(",") { w += 1 }
            if w < sentence.upperBound, tokens[w].lower == "when" {
                chosen = triggers.firstIndex { $0.token > w }
                if chosen != nil { date = date.withoutModifier }
            }
            if chosen == nil {
                var best: (Int, Int)?
                for (k, trigger) in triggers.enumerated() where later.map({ trigger.token < $0 }) ?? true {
                    let cost: Int
                    if trigger.token >= time.tokens.upperBound {
                        var between = (time.tokens.upperBound..<trigger.token)
                        // `Last Wednesday, rebels attacked`: a phrase opening the sentence dates its clause.
                        if time.tokens.lowerBound == sentence.lowerBound, tokens[between.lowerBound].isPunct(",") {
                            between = (between.lowerBound + 1)..<trigger.token
                        }
                        if between.contains(where: { Self.isBoundary(tokens[$0]) }) || between.count > 6 { continue }
                        cost = between.count <= 1 ? 0 : between.count + 3
                    } else {
                        let between = (trigger.token + 1)..<time.tokens.lowerBound
                        let crossings = between.filter { Self.isBoundary(tokens[$0]) }.count
                        cost = between.count + 6 * crossings
                    }
                    if best == nil || cost < best!.1 { best = (k, cost) }
                }
                chosen = best?.0
            }
            guard var k = chosen else { continue }
            // `pledged $5 million in aid`, `conceded defeat`: a noun that is a verb's object takes the verb's event.
            if triggers[k].entry.isNoun, let v = triggers.lastIndex(where: { !$0.entry.isNoun && $0.token < triggers[k].token }),
                triggers[k].token - triggers[v].token <= 6,
                !((triggers[v].token + 1)..<triggers[k].token).contains(where: { Self.isBoundary(tokens[$0]) }),
                triggers[v].entry.type == .intent || triggers[k].token - triggers[v].token <= 2
            {
                k = v
            }
            if !triggers[k].dates.contains(date) { triggers[k].dates.append(date) }
            // `embroiled in conflict since Hamas's attack on October 7th`: the earlier trigger
            // runs since the attack's date.
            let t = triggers[k].token
            if let s = (max(sentence.lowerBound, t - 4)..<t).last(where: { tokens[$0].lower == "since" }),
                let j = triggers.lastIndex(where: { $0.token < s && s - $0.token <= 4 && Self.states.contains($0.entry.type) }),
                triggers[j].dates.isEmpty
            {
                var since = date
                since.modifier = .since
                since.phrase = "since " + (date.phrase.hasPrefix("on ") ? String(date.phrase.dropFirst(3)) : date.phrase)
                if since.latest < publishedAt { since.latest = publishedAt }
                triggers[j].dates.append(since)
            }
        }
    }

    /// Types that can last (`embroiled in conflict since ...`).
    private static let states: Set<EventType> = [.fight, .protest, .forcePosture, .reduceRelations, .coerce]

    // MARK: Status

    private static let possibleCues: Set<String> = [
        "may", "might", "could", "potential", "possible", "possibly", "if", "threatens", "threatened", "consider", "considering", "mulling",
    ]
    private static let scheduledCues: Set<String> = [
        "will", "scheduled", "upcoming", "next", "planned", "plans", "slated", "due", "expected", "set",
    ]
    private static let ongoingCues: Set<String> = ["ongoing", "continuing", "continues", "continue", "been", "still"]

    func status(_ t: Int, tokens: [Token], sentence: Range<Int>) -> EventStatus {
        var start = t
        while start > sentence.lowerBound, t - start < 7, !Self.isBoundary(tokens[start - 1]) { start -= 1 }
        let window = (start..<min(sentence.upperBound, t + 2)).map { tokens[$0].lower }
        if window.contains(where: Self.possibleCues.contains) { return .possible }
        if window.contains(where: Self.scheduledCues.contains) { return .scheduled }
        if (max(start, t - 3)..<t).contains(where: { Self.ongoingCues.contains(tokens[$0].lower) }) { return .ongoing }
        return .occurred
    }

    // MARK: Figures

    private static let violent: Set<EventType> = [.assault, .fight, .massViolence, .disaster, .coerce]

    private func assign(_ figures: [FigureExtractor.Found], to drafts: inout [(Int, Event)]) {
        for found in figures {
            let kind = found.figure.kind
            var pool = drafts.indices.filter { drafts[$0].1.date != nil || drafts.count == 1 }
            if ["fatalities", "injuries", "displaced"].contains(kind) {
                let violent = pool.filter { Self.violent.contains(drafts[$0].1.type) }
                if !violent.isEmpty { pool = violent }
            } else if kind == "aid" {
                let aid = pool.filter { drafts[$0].1.type == .aid }
                if !aid.isEmpty { pool = aid }
            }
            let best = pool.min { a, b in
                cost(drafts[a].0, found.token) < cost(drafts[b].0, found.token)
            }
            if let best, !drafts[best].1.figures.contains(found.figure) { drafts[best].1.figures.append(found.figure) }
        }
    }

    /// Figures usually follow the happening they count.
    private func cost(_ trigger: Int, _ figure: Int) -> Int {
        figure >= trigger ? figure - trigger : (trigger - figure) * 3
    }

    // MARK: Merging and naming

    static func unique(_ participants: [Participant]) -> [Participant] {
        var seen = Set<String>()
        return participants.filter { seen.insert($0.entityId).inserted }
    }

    /// Folds repeated reports of one happening within the article (same type and date value,
    /// shared or missing participants).
    static func mergeWithinArticle(_ events: [Event]) -> [Event] {
        var out: [Event] = []
        for event in events {
            if let k = out.firstIndex(where: { same($0, event) }) {
                out[k] = EventMerger.fold(event, into: out[k])
            } else {
                out.append(event)
            }
        }
        return out
    }

    private static func same(_ a: Event, _ b: Event) -> Bool {
        guard a.type == b.type, a.date?.value == b.date?.value else { return false }
        let pa = Set(a.participants.map(\.entityId))
        let pb = Set(b.participants.map(\.entityId))
        // Happenings of no known kind are one only when told alike.
        if a.type == .unknown { return a.summary == b.summary }
        if a.date == nil { return !pa.isDisjoint(with: pb) }
        return pa.isEmpty || pb.isEmpty || !pa.isDisjoint(with: pb)
    }

    /// Summaries and stable ids (`2024-08-13-consult-vladimir-putin`).
    static func finish(_ events: [Event], names: [String: String]) -> [Event] {
        var used = Set<String>()
        return events.map { event in
            var e = event
            e.summary = EventSummary.make(e, names: names)
            let main = e.participants.first(where: { [.actor, .host].contains($0.role) }) ?? e.participants.first
            let base = Slug.make(
                [e.date?.value ?? "undated", e.type.rawValue, main?.entityId ?? e.location ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: " "))
            var id = base
            var n = 2
            while used.contains(id) {
                id = base + "-\(n)"
                n += 1
            }
            used.insert(id)
            e.id = id
            return e
        }
    }
}

extension EventDate {
    /// The same value without its modifier, its range back to the whole value.
    var withoutModifier: EventDate {
        var d = self
        d.modifier = nil
        if let (_, days) = EventDate.parse(value) {
            d.earliest = days.lowerBound
            d.latest = days.upperBound
        }
        if let cut = phrase.firstIndex(of: " "),
            ["since ", "until ", "before ", "after ", "by ", "around ", "about "].contains(where: phrase.hasPrefix)
        {
            d.phrase = String(phrase[phrase.index(after: cut)...])
        }
        return d
    }
}
