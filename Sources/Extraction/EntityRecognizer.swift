import NewsModel

/// Finds the names in a body: runs of capitalized words split at titles and demonyms, matched
/// against the store, the knowledge file and the gazetteer, and typed by cues when unknown.
///
/// Cues: a title before a name (`President`, `Deputy Foreign Minister`, `leader`) makes a
/// person; an organization word at the end (`Council`, `Ministry`, `Party`) an organization; a
/// place suffix (`Square`), a place noun after (`residence`) or a preposition of place before
/// (`in`, `at`) a place. Sentence-opening function words, weekdays and months are never names.
struct EntityRecognizer: Sendable {
    let knowledge: KnowledgeBase
    /// The store's entities by name and alias.
    let known: [String: Entity]

    init(knowledge: KnowledgeBase, known: [Entity]) {
        self.knowledge = knowledge
        var index: [String: Entity] = [:]
        for e in known {
            for name in [e.name] + e.aliases where index[name] == nil { index[name] = e }
        }
        self.known = index
    }

    private static let connectors: Set<String> = ["of", "for", "&", "de", "al", "bin", "ibn", "van", "von", "der", "da", "du", "la", "le"]

    func recognize(tokens: [Token], sentences: [Sentence], scalars: [Unicode.Scalar]) -> [EntityCandidate] {
        var lowercaseWords = Set<String>()
        for t in tokens where t.kind == .word && !t.isCapitalized { lowercaseWords.insert(t.lower) }
        var out: [EntityCandidate] = []
        for sentence in sentences {
            var i = sentence.tokens.lowerBound
            let upper = sentence.tokens.upperBound
            while i < upper {
                guard isNameToken(tokens, i) else { i += 1; continue }
                var j = i
                while !tokens[j].isPossessive, j + 1 < upper {
                    if isNameToken(tokens, j + 1), !tokens[j + 1].afterNewline { j += 1; continue }
                    if j + 2 < upper, Self.connectors.contains(tokens[j + 1].text), isNameToken(tokens, j + 2),
                       connectorJoins(tokens, run: i...j, connector: j + 1) {
                        j += 2
                        continue
                    }
                    break
                }
                segment(tokens: tokens, run: i..<(j + 1), sentence: sentence, scalars: scalars,
                        lowercaseWords: lowercaseWords, into: &out)
                i = j + 1
            }
        }
        return out
    }

    /// A capitalized word that is not a month or weekday; `al-Sisi` counts.
    private func isNameToken(_ tokens: [Token], _ i: Int) -> Bool {
        let t = tokens[i]
        guard t.kind == .word else { return false }
        if Lexicon.weekdays[t.lower] != nil || Lexicon.months[t.lower] != nil { return false }
        if t.isCapitalized { return true }
        if let dash = t.stem.firstIndex(of: "-"), Lexicon.nameParticles.contains(String(t.stem[..<dash]).lowercased()),
           let after = t.stem[t.stem.index(after: dash)...].unicodeScalars.first {
            return after.properties.isUppercase
        }
        return false
    }

    /// `Ministry of Health`, `Bank of England`, `Osama bin Laden` join; `Israel and Hamas` does not.
    private func connectorJoins(_ tokens: [Token], run: ClosedRange<Int>, connector: Int) -> Bool {
        let word = tokens[connector].text
        if word != "of" && word != "for" && word != "&" { return true }
        let last = tokens[run.upperBound].lower
        if Lexicon.organizationWords.contains(last) || Lexicon.placeSuffixes.contains(last) { return true }
        if ["republic", "kingdom", "gulf", "university", "bank", "state", "states", "secretary", "minister", "court", "house", "isle", "cape"].contains(last) { return true }
        let joined = tokens[run].map(\.stem).joined(separator: " ") + " " + word + " " + tokens[connector + 1].stem
        return lookup(joined) != nil
    }

    private func lookup(_ name: String) -> EntityCandidate.Source? {
        if let e = known[name] { return .known(e) }
        if let e = knowledge.entry(named: name) { return .knowledge(e) }
        if let p = knowledge.place(named: name) { return .place(p) }
        return nil
    }

    private func segment(tokens: [Token], run: Range<Int>, sentence: Sentence, scalars: [Unicode.Scalar],
                         lowercaseWords: Set<String>, into out: inout [EntityCandidate]) {
        var p = run.lowerBound
        var end = run.upperBound
        func name(_ r: Range<Int>) -> String {
            let last = tokens[r.upperBound - 1]
            let stop = last.start + last.stem.unicodeScalars.count
            return ScalarText.string(scalars[tokens[r.lowerBound].start..<stop])
        }
        func emit(_ r: Range<Int>, _ source: EntityCandidate.Source, cue: EntityType?, strength: EntityCandidate.Strength) {
            let text = ScalarText.string(scalars[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end])
            out.append(EntityCandidate(source: source, name: name(r), text: text, sentence: sentence.index, tokens: r,
                                       start: tokens[r.lowerBound].start, end: tokens[r.upperBound - 1].end,
                                       isPossessive: tokens[r.upperBound - 1].isPossessive, cue: cue,
                                       strength: strength, wordCount: r.count))
        }
        // Sentence openers and common words capitalized only because they open the sentence.
        while p < end {
            let t = tokens[p]
            if lookup(name(p..<end)) != nil { break }
            let opensSentence = p == sentence.tokens.lowerBound || tokens[p - 1].isPunct("\"") || tokens[p - 1].isPunct("\u{201C}")
            if Lexicon.sentenceOpeners.contains(t.lower)
                || (opensSentence && lowercaseWords.contains(t.lower) && lookup(t.stem) == nil && knowledge.entry(demonym: t.stem) == nil) {
                p += 1
            } else {
                break
            }
        }
        guard p < end else { return }
        if let source = lookup(name(p..<end)) {
            emit(p..<end, source, cue: nil, strength: .strong)
            return
        }
        // `Ferdinand Marcos Jr.`: the suffix is not part of the name we link.
        if end - p > 2, ["jr", "sr"].contains(tokens[end - 1].lower) { end -= 1 }
        // A name with an organization word after its first word is one organization
        // (`Zarnian Supreme Court`, `Department of Education`, `Philippine Red Cross`).
        if end - p >= 2, tokens[(p + 1)..<end].contains(where: { Lexicon.organizationWords.contains($0.lower) })
            || end - p >= 2 && Lexicon.organizationWords.contains(tokens[p].lower) && tokens[p + 1].lower == "of" {
            emit(p..<end, .new, cue: .organization, strength: .strong)
            return
        }
        if end - p >= 2, knowledge.entry(demonym: tokens[p].stem) != nil, case .knowledge(let e)? = lookup(name((p + 1)..<end)), e.type == EntityType.organization {
            emit(p..<end, .new, cue: .organization, strength: .strong)
            return
        }
        var personCue = precededByTitle(tokens, run.lowerBound, sentence: sentence)
        while p < end {
            // The longest known name starting here.
            var matched = false
            var q = end
            while q > p {
                if let source = lookup(name(p..<q)) {
                    emit(p..<q, source, cue: nil, strength: .strong)
                    p = q
                    matched = true
                    break
                }
                q -= 1
            }
            if matched { continue }
            let t = tokens[p]
            if let place = knowledge.entry(demonym: t.stem) {
                emit(p..<(p + 1), .demonym(place), cue: .location, strength: .strong)
                p += 1
                continue
            }
            if t.stem.contains("-"), splitHyphenated(t, index: p, sentence: sentence, into: &out) {
                p += 1
                continue
            }
            // A title: modifiers then a head (`Deputy Foreign Minister`), followed by a name.
            var h = p
            while h < end, Lexicon.titleModifiers.contains(tokens[h].lower), !Lexicon.titleHeads.contains(tokens[h].lower) {
                h += 1
            }
            if h < end, Lexicon.titleHeads.contains(tokens[h].lower) {
                // Several heads in a row (`Prime Minister`) stay one title.
                while h + 1 < end, Lexicon.titleHeads.contains(tokens[h + 1].lower) { h += 1 }
                p = h + 1
                personCue = true
                continue
            }
            // The rest up to the next known name or demonym is one new name.
            var r = p + 1
            while r < end, lookup(tokens[r].stem) == nil, knowledge.entry(demonym: tokens[r].stem) == nil, !startsTitle(tokens, r, end) { r += 1 }
            let range = p..<r
            var (cue, strength) = classify(tokens, range, name: name(range), personCue: personCue, sentence: sentence)
            // `Lendo and Mirva`: a name joined to a place is a place.
            if strength < .medium, range.lowerBound >= 2, ["and", "or", ","].contains(tokens[range.lowerBound - 1].lower),
               let previous = out.last, previous.tokens.upperBound == range.lowerBound - 1, previous.isPlace {
                (cue, strength) = (.location, .medium)
            }
            emit(range, .new, cue: cue, strength: strength)
            p = r
        }
    }

    /// Whether a title (`Deputy Trade Minister`) starts at `i` and a name follows it.
    private func startsTitle(_ tokens: [Token], _ i: Int, _ end: Int) -> Bool {
        var h = i
        while h < end, Lexicon.titleModifiers.contains(tokens[h].lower), !Lexicon.titleHeads.contains(tokens[h].lower) { h += 1 }
        return h + 1 < end && Lexicon.titleHeads.contains(tokens[h].lower)
    }

    /// `Israeli-Palestinian`: each part that is a demonym or a known name is its own mention.
    private func splitHyphenated(_ t: Token, index: Int, sentence: Sentence, into out: inout [EntityCandidate]) -> Bool {
        let parts = t.stem.split(separator: "-")
        guard parts.count >= 2 else { return false }
        var found: [(Substring, EntityCandidate.Source)] = []
        for part in parts {
            let s = String(part)
            if let e = knowledge.entry(demonym: s) { found.append((part, .demonym(e))) }
            else if let source = lookup(s) { found.append((part, source)) }
            else { return false }
        }
        var offset = t.start
        for (k, (part, source)) in found.enumerated() {
            let length = part.unicodeScalars.count
            let isLast = k == found.count - 1
            let end = isLast ? t.end : offset + length
            let written = Array(t.text.unicodeScalars)[(offset - t.start)..<(end - t.start)]
            let text = ScalarText.string(written)
            out.append(EntityCandidate(source: source, name: String(part), text: text, sentence: sentence.index,
                                       tokens: index..<(index + 1), start: offset, end: end,
                                       isPossessive: isLast && t.isPossessive, cue: nil, strength: .strong, wordCount: 1))
            offset += length + 1
        }
        return true
    }

    /// A lower-case title right before the run (`leader Mahmoud Abbas`), or one across a comma
    /// (`its political leader, Ismail Haniyeh`), or `Mr.`.
    private func precededByTitle(_ tokens: [Token], _ i: Int, sentence: Sentence) -> Bool {
        var k = i - 1
        if k >= sentence.tokens.lowerBound, tokens[k].isPunct(".") { k -= 1 }
        if k >= sentence.tokens.lowerBound, tokens[k].isPunct(",") { k -= 1 }
        guard k >= sentence.tokens.lowerBound, tokens[k].kind == .word else { return false }
        return Lexicon.titleHeads.contains(tokens[k].lower)
    }

    private func classify(_ tokens: [Token], _ r: Range<Int>, name: String, personCue: Bool,
                          sentence: Sentence) -> (EntityType?, EntityCandidate.Strength) {
        if personCue { return (.person, .strong) }
        let last = tokens[r.upperBound - 1].lower
        if Lexicon.organizationWords.contains(last) { return (.organization, .strong) }
        if r.count >= 2, Lexicon.placeSuffixes.contains(last) { return (.location, .strong) }
        let after = r.upperBound < sentence.tokens.upperBound ? tokens[r.upperBound] : nil
        if let after, after.kind == .word, !after.isCapitalized, Lexicon.placeNounsAfter.contains(after.lower) {
            return (.location, .strong)
        }
        let before = r.lowerBound > sentence.tokens.lowerBound ? tokens[r.lowerBound - 1] : nil
        if let before, ["mr", "mrs", "ms", "dr"].contains(before.lower) { return (.person, .strong) }
        if r.lowerBound >= sentence.tokens.lowerBound + 2, tokens[r.lowerBound - 1].lower == "of",
           ["city", "town", "village", "province", "region", "district", "port"].contains(tokens[r.lowerBound - 2].lower) {
            return (.location, .strong)
        }
        if knowledge.place(named: name) != nil { return (.location, .medium) }
        if let before, !before.isCapitalized, Lexicon.organizationNounsBefore.contains(before.lower) { return (.organization, .strong) }
        if r.lowerBound >= sentence.tokens.lowerBound + 2, tokens[r.lowerBound - 1].lower == "of",
           Lexicon.placeNounsBeforeOf.contains(tokens[r.lowerBound - 2].lower) {
            return (.location, .medium)
        }
        if let before, before.isPunct(","), r.lowerBound >= sentence.tokens.lowerBound + 2,
           ["capital", "city", "town", "village", "province", "region"].contains(tokens[r.lowerBound - 2].lower) {
            return (.location, .strong)
        }
        if let before, Lexicon.placePrepositions.contains(before.lower) { return (.location, .medium) }
        // `moved to Velmarra`, `fled to Kastova`
        if let before, before.lower == "to", r.lowerBound >= sentence.tokens.lowerBound + 2,
           Lexicon.motionVerbs.contains(tokens[r.lowerBound - 2].lower) {
            return (.location, .medium)
        }
        // `in neighbouring Ostravia`, `in southern Lendo`
        if let before, before.kind == .word, !before.isCapitalized, r.lowerBound >= sentence.tokens.lowerBound + 2,
           Lexicon.placePrepositions.contains(tokens[r.lowerBound - 2].lower),
           before.lower.hasSuffix("ern") || before.lower.hasSuffix("ing") || before.lower.hasSuffix("ouring") {
            return (.location, .medium)
        }
        if r.count == 1, tokens[r.lowerBound].isAcronym { return (.organization, .weak) }
        if let after, Lexicon.speechVerbs.contains(after.lower), r.count >= 2 { return (.person, .weak) }
        if (2...3).contains(r.count), tokens[r].allSatisfy({ $0.stem.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" } }) {
            return (.person, .weak)
        }
        return (nil, .none)
    }
}
