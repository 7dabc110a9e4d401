import NewsModel

/// A name in the body linked to the entity it names.
struct LinkedMention: Sendable, Hashable {
    var entityId: String
    var type: EntityType
    var candidate: EntityCandidate
    /// A demonym used as an adjective (`Russian President`), not the place's own name.
    var isDemonym: Bool
}

/// Links each candidate name to one entity.
///
/// Names the store, the knowledge file or the gazetteer know link to those entities; the rest
/// link within the article: a surname to the full name (`Bogdanov` to `Mikhail Bogdanov`), an
/// acronym to its long form (`UN` to `United Nations`), a shorter organization name to the
/// longer one it ends (`Supreme Court`); what is left becomes a new entity of its cued type.
struct EntityLinker: Sendable {
    let knowledge: KnowledgeBase
    let known: [Entity]

    struct Output {
        var mentions: [LinkedMention]
        var entities: [Entity]
    }

    func link(_ candidates: [EntityCandidate], articleId: String) -> Output {
        var entities: [String: Entity] = [:]
        var order: [String] = []
        var knownById: [String: Entity] = [:]
        for e in known { knownById[e.id] = e }
        func register(_ entity: Entity) -> String {
            var e = knownById[entity.id] ?? entity
            // A machine-made place stored before places had coordinates gets the knowledge
            // base's; an editor's place stays as the editor left it.
            if e.type == .location, e.coordinates == nil, e.extractorVersion != nil || knownById[e.id] == nil {
                e.coordinates = entity.coordinates ?? knowledge.coordinates(of: e.name)
            }
            if entities[e.id] == nil {
                e.mentionCount = 0
                e.articleIds = [articleId]
                entities[e.id] = e
                order.append(e.id)
            }
            return e.id
        }
        var resolved: [Int: (String, Bool)] = [:]
        // Known names first, then new names longest first so surnames find their full names.
        for (k, c) in candidates.enumerated() {
            switch c.source {
            case .known(let e): resolved[k] = (register(e), false)
            case .knowledge(let entry): resolved[k] = (register(entry.entity), false)
            case .demonym(let entry): resolved[k] = (register(entry.entity), true)
            case .place(let place): resolved[k] = (register(knowledge.entity(for: place)), false)
            case .new: break
            }
        }
        let pending = candidates.indices.filter { resolved[$0] == nil }
            .sorted {
                candidates[$0].wordCount > candidates[$1].wordCount
                    || (candidates[$0].wordCount == candidates[$1].wordCount && candidates[$0].strength > candidates[$1].strength)
            }
        var unresolved: [Int] = []
        var strength: [String: EntityCandidate.Strength] = [:]
        for k in pending {
            let c = candidates[k]
            if let id = linkWithin(c, entities: entities, order: order) {
                resolved[k] = (id, false)
            } else if let cue = c.cue, c.strength >= .weak {
                let entity = Entity(id: Slug.make(c.name), name: c.name, type: cue)
                let id = register(entity)
                // The strongest cue among a name's mentions decides its type.
                if var e = entities[id], e.type != cue, c.strength > (strength[id] ?? .none), knownById[id] == nil {
                    e.type = cue
                    entities[id] = e
                }
                strength[id] = max(strength[id] ?? .none, c.strength)
                resolved[k] = (id, false)
            } else {
                unresolved.append(k)
            }
        }
        for k in unresolved {
            if let id = linkWithin(candidates[k], entities: entities, order: order) { resolved[k] = (id, false) }
        }
        var mentions: [LinkedMention] = []
        for (k, c) in candidates.enumerated() {
            guard let (id, isDemonym) = resolved[k], var e = entities[id] else { continue }
            e.mentionCount += 1
            if !isDemonym, c.name != e.name, !e.aliases.contains(c.name) { e.aliases.append(c.name) }
            entities[id] = e
            mentions.append(LinkedMention(entityId: id, type: e.type, candidate: c, isDemonym: isDemonym))
        }
        mentions.sort { $0.candidate.start < $1.candidate.start }
        return Output(mentions: mentions, entities: order.compactMap { entities[$0] }.filter { $0.mentionCount > 0 })
    }

    /// A surname, first name, acronym or shortened organization name of an entity already found.
    private func linkWithin(_ c: EntityCandidate, entities: [String: Entity], order: [String]) -> String? {
        let words = c.name.split(separator: " ").map(String.init)
        if let same = entities[Slug.make(c.name)] { return same.id }
        var pool: [Entity] { order.compactMap { entities[$0] } + known.filter { entities[$0.id] == nil } }
        if c.cue != .organization && c.cue != .location || c.strength < .strong {
            if words.count == 1, c.name.first?.isUppercase == true {
                let persons = pool.filter { e in
                    guard e.type == .person else { return false }
                    let parts = e.name.split(separator: " ")
                    return parts.count >= 2 && (parts.last.map(String.init) == words[0] || parts.first.map(String.init) == words[0])
                }
                if persons.count == 1 { return persons[0].id }
                if let first = persons.first, entities[first.id] != nil { return first.id }
            }
        }
        if words.count == 1, c.name.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }) {
            let letters = c.name.filter(\.isLetter)
            if letters.count >= 2, let match = pool.first(where: { Self.initials(of: $0.name) == letters }) { return match.id }
        }
        if words.count >= 2 {
            for e in pool where e.type == .organization {
                let long = e.name.split(separator: " ").map(String.init)
                if Self.abbreviates(words, long) { return e.id }
            }
        }
        return nil
    }

    /// `United Nations` gives `UN`; `of`, `the`, `and` and `for` are skipped.
    static func initials(of name: String) -> String {
        String(
            name.split(whereSeparator: { $0 == " " || $0 == "-" })
                .filter { !["of", "the", "and", "for", "&"].contains($0) }
                .compactMap(\.first))
    }

    /// Whether `short` names `long` with words dropped from its start or acronyms standing for
    /// runs of its words (`UN Security Council`, `Supreme Court` for `Zarnian Supreme Court`).
    static func abbreviates(_ short: [String], _ long: [String]) -> Bool {
        guard short.count <= long.count, short != long else { return false }
        func match(_ i: Int, _ j: Int) -> Bool {
            if i == short.count { return j == long.count }
            if j == long.count { return false }
            if short[i] == long[j], match(i + 1, j + 1) { return true }
            let letters = short[i].filter(\.isLetter)
            if letters.count >= 2, letters.allSatisfy(\.isUppercase) {
                var k = j
                var built = ""
                while k < long.count, built.count < letters.count {
                    if !["of", "the", "and", "for"].contains(long[k]), let f = long[k].first { built.append(f) }
                    k += 1
                    if built == letters, match(i + 1, k) { return true }
                }
            }
            return false
        }
        if match(0, 0) { return true }
        // A name shortened from the front: `Supreme Court` for `Zarnian Supreme Court`.
        return short.count >= 2 && Array(long.suffix(short.count)) == short
    }
}
