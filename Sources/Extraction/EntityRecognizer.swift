import NewsModel

/// Finds the names in a body with the trained entity tagger, and says what each may be:
/// an entity the store or the knowledge base already holds, a place the gazetteer lists, a
/// demonym (`Russian`), or a new name of the class the tagger gave it.
///
/// The tagger reads each sentence as words; a possessive (`Hamas's`) becomes the name and a
/// separate `'s`, as the training text writes it.
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

    func recognize(tokens: [Token], sentences: [Sentence], scalars: [Unicode.Scalar]) -> [EntityCandidate] {
        guard let model = knowledge.taggerModel else { return [] }
        var tagger = EntityTagger(model: model, words: tokens.lazy.map(\.stem))
        var out: [EntityCandidate] = []
        for sentence in sentences {
            // The tagger's words, each with the tokens it covers.
            var words: [String] = []
            var owners: [ClosedRange<Int>] = []
            var k = sentence.tokens.lowerBound
            while k < sentence.tokens.upperBound {
                let token = tokens[k]
                if k + 1 < sentence.tokens.upperBound, tokens[k + 1].isPunct("."), tokens[k + 1].start == token.end,
                    Self.takesItsFullStop(token)
                {
                    // `R.`, `Mr.`, `Corp.`: the training text writes an abbreviation with its stop.
                    words.append(token.stem + ".")
                    owners.append(k...(k + 1))
                    k += 2
                    continue
                }
                words.append(token.stem)
                owners.append(k...k)
                if token.isPossessive {
                    words.append(token.text.hasSuffix("s") ? "'s" : "'")
                    owners.append(k...k)
                }
                k += 1
            }
            // The store's names count as gazetteer entries too, beside the knowledge base's.
            let sentenceWords = TaggerSentence(words) { name in
                known[name].map { EntityTag.NameClass($0.type) } ?? knowledge.nameClass(of: name)
            }
            let spans = NameSpan.joiningOrganizations(NameSpan.spans(in: tagger.tag(sentenceWords)), words: words) { lookup($0) != nil }
            for span in spans {
                let range = owners[span.words.lowerBound].lowerBound..<(owners[span.words.upperBound - 1].upperBound + 1)
                add(span.nameClass, range, tokens: tokens, sentence: sentence, scalars: scalars, into: &out)
            }
        }
        return out
    }

    /// A single letter (an initial) or a known abbreviation, which keeps its full stop.
    private static func takesItsFullStop(_ token: Token) -> Bool {
        guard token.kind == .word, !token.isPossessive else { return false }
        return token.stem.unicodeScalars.count == 1 || SentenceSplitter.abbreviations.contains(token.lower)
            || SentenceSplitter.closingAbbreviations.contains(token.lower)
    }

    private func add(
        _ nameClass: EntityTag.NameClass, _ range: Range<Int>, tokens: [Token], sentence: Sentence,
        scalars: [Unicode.Scalar], into out: inout [EntityCandidate]
    ) {
        var range = range
        // `Among Abbas`, `His Unity Party`: a sentence's capitalized function word is no part of a name.
        while range.count > 1, Lexicon.sentenceOpeners.contains(tokens[range.lowerBound].lower),
            lookup(ScalarText.string(scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end])) == nil
        {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        let last = tokens[range.upperBound - 1]
        let name = ScalarText.string(scalars[tokens[range.lowerBound].start..<(last.start + last.stem.unicodeScalars.count)])
        func emit(_ source: EntityCandidate.Source, cue: EntityType?) {
            let start = tokens[range.lowerBound].start
            out.append(
                EntityCandidate(
                    source: source, name: name, text: ScalarText.string(scalars[start..<last.end]),
                    sentence: sentence.index, tokens: range, start: start, end: last.end,
                    isPossessive: last.isPossessive, cue: cue, strength: .strong,
                    wordCount: range.count))
        }
        if range.count == 1, let place = knowledge.entry(demonym: name) {
            emit(.demonym(place), cue: .location)
        } else if range.count == 1, name.contains("-"),
            splitHyphenated(
                tokens[range.lowerBound], index: range.lowerBound,
                sentence: sentence, into: &out)
        {
            return
        } else if let source = lookup(name) {
            emit(source, cue: nil)
        } else if range.upperBound < sentence.tokens.upperBound, !tokens[range.upperBound].isCapitalized,
            Self.placeNouns.contains(tokens[range.upperBound].lower), nameClass != .miscellaneous
        {
            // `his Kastova residence`, `the Lendo district`: the noun after a new name says what it is.
            emit(.new, cue: .location)
        } else if nameClass != .miscellaneous, let head = Self.headClass(range, tokens) {
            emit(.new, cue: head)
        } else {
            switch nameClass {
            case .person: emit(.new, cue: .person)
            case .organization: emit(.new, cue: .organization)
            case .location: emit(.new, cue: .location)
            case .miscellaneous:
                // `World Cup`, `Airbus A380`: named things kept as other; a single word of this
                // class is most often an adjective of nationality (`Arab`, `Zarnian`), not an entity.
                if range.count > 1 { emit(.new, cue: .other) }
            }
        }
    }

    /// The class a new name's own words settle, over the tagger's: a name that ends with a word of
    /// organizations or firms (`Calloway Construction`) is one, and a name that ends with a word
    /// of places or starts with one (`Port Almira`) is a place.
    private static func headClass(_ range: Range<Int>, _ tokens: [Token]) -> EntityType? {
        guard range.count > 1 else { return nil }
        let last = tokens[range.upperBound - 1].lower
        if Lexicon.organizationWords.contains(last) || Lexicon.firmWords.contains(last) { return .organization }
        if Lexicon.placeSuffixes.contains(last) || Lexicon.placePrefixes.contains(tokens[range.lowerBound].lower) { return .location }
        return nil
    }

    /// Lower-case nouns that, right after a name, make it a place.
    private static let placeNouns: Set<String> = [
        "residence", "estate", "palace", "compound", "city", "town", "village", "province", "region", "district",
        "county", "oblast", "governorate", "municipality", "neighbourhood", "neighborhood",
    ]

    private func lookup(_ name: String) -> EntityCandidate.Source? {
        if let e = known[name] { return .known(e) }
        if let e = knowledge.entry(named: name) { return .knowledge(e) }
        if let p = knowledge.place(named: name) { return .place(p) }
        return nil
    }

    /// `Israeli-Palestinian`: each part that is a demonym or a known name is its own mention.
    private func splitHyphenated(_ t: Token, index: Int, sentence: Sentence, into out: inout [EntityCandidate]) -> Bool {
        let parts = t.stem.split(separator: "-")
        guard parts.count >= 2 else { return false }
        var found: [(Substring, EntityCandidate.Source)] = []
        for part in parts {
            let s = String(part)
            if let e = knowledge.entry(demonym: s) {
                found.append((part, .demonym(e)))
            } else if let source = lookup(s) {
                found.append((part, source))
            } else {
                return false
            }
        }
        var offset = t.start
        for (k, (part, source)) in found.enumerated() {
            let length = part.unicodeScalars.count
            let isLast = k == found.count - 1
            let end = isLast ? t.end : offset + length
            let written = Array(t.text.unicodeScalars)[(offset - t.start)..<(end - t.start)]
            let text = ScalarText.string(written)
            out.append(
                EntityCandidate(
                    source: source, name: String(part), text: text, sentence: sentence.index,
                    tokens: index..<(index + 1), start: offset, end: end,
                    isPossessive: isLast && t.isPossessive, cue: nil, strength: .strong, wordCount: 1))
            offset += length + 1
        }
        return true
    }
}
