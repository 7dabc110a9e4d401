extension StoreSnapshot {
    /// One page of entities in id order, of one type and matching words of their name or
    /// aliases when given.
    public func entities(
        type: EntityType? = nil, text: String? = nil, limit: Int = 50,
        cursor: String? = nil
    ) throws(StoreQueryError) -> Page<Entity> {
        try Self.check(limit: limit)
        let terms = Array(Set(TextNormalizer.tokens(text ?? "")))
        let filters = "entities;type=\(type?.rawValue ?? "");text=\(terms.sorted().joined(separator: " "))"
        let after = try cursor.map { text throws(StoreQueryError) in try PageCursor(decoding: text, filters: filters).id }

        var ids: [String] = []
        var total = 0
        if terms.isEmpty {
            let list = type.map { state.entityIdsByType[$0] ?? SortedChunks() } ?? state.entityIds
            total = list.count
            var start = after.map { list.lowerBound($0) } ?? 0
            if let after, start < list.count, list[start] == after { start += 1 }
            list.visit(start..<list.count) { id in
                ids.append(id)
                return ids.count <= limit
            }
        } else {
            var matching = entitySerials(matching: terms).compactMap { state.entities[serial: $0] }
            if let type { matching.removeAll { $0.type != type } }
            total = matching.count
            ids = matching.map(\.id).filter { after == nil || $0 > after! }.sorted()
        }
        let page = ids.prefix(limit).compactMap { state.entities[$0].map(withMentions) }
        let next =
            ids.count > limit
            ? page.last.map { PageCursor(filters: filters, key: SortKey(day: SortKey.undated, serial: 0), id: $0.id).encoded } : nil
        return Page(items: page, next: next, total: total)
    }

    /// Serials of the entities whose names or aliases hold every term.
    func entitySerials(matching terms: [String]) -> [UInt32] {
        var lists: [SortedChunks<TextPosting<UInt32>>] = []
        for term in terms {
            guard let list = state.entityText.postings(for: term) else { return [] }
            lists.append(list)
        }
        lists.sort { $0.count < $1.count }
        guard let driver = lists.first else { return [] }
        var serials: [UInt32] = []
        driver.visit(0..<driver.count) { posting in
            if lists.dropFirst().allSatisfy({ $0.contains(posting.ref) }) { serials.append(posting.ref) }
            return true
        }
        return serials
    }

    /// The entities an article mentions, in order of first mention.
    public func entities(forArticle id: String) -> [Entity] {
        guard let article = state.articles[id] else { return [] }
        var seen = Set<String>()
        return article.mentions.compactMap { mention in
            guard seen.insert(mention.entityId).inserted else { return nil }
            return entity(mention.entityId)
        }
    }

    /// The entities that share events or sentences with an entity, most shared first (then
    /// by id); at most `limit` of them.
    public func related(to id: String, limit: Int = 20) -> [RelatedEntity] {
        let id = state.redirects[id] ?? id
        var events: [String: Int] = [:]
        var sentences: [String: Int] = [:]
        for key in state.eventsByEntity[id]?.elements ?? [] {
            guard let event = state.events[serial: key.serial] else { continue }
            for other in StoreWriter.entityIds(of: event) where other != id { events[other, default: 0] += 1 }
        }
        for articleId in state.mentionedArticleIds(of: id) {
            guard let article = state.articles[articleId] else { continue }
            var bySentence: [Int: Set<String>] = [:]
            for mention in article.mentions { bySentence[mention.sentenceIndex, default: []].insert(mention.entityId) }
            for names in bySentence.values where names.contains(id) {
                for other in names where other != id { sentences[other, default: 0] += 1 }
            }
        }
        let related = Set(events.keys).union(sentences.keys).compactMap { other in
            entity(other).map { RelatedEntity(entity: $0, sharedEvents: events[other] ?? 0, sharedSentences: sentences[other] ?? 0) }
        }
        return Array(related.sorted { $0.total != $1.total ? $0.total > $1.total : $0.entity.id < $1.entity.id }.prefix(max(0, limit)))
    }
}
