extension StoreWriter {
    mutating func upsertArticle(_ article: Article) {
        let (serial, old) = state.articles.upsert(article)
        if let old {
            if old == article { return }
            unindex(old, serial: serial)
        } else {
            state.articleIDs.note(article.id)
        }
        state.duplicateKeys.add(article)
        let key = SortKey(day: Int32(clamping: article.publishedAt.ordinal), serial: serial)
        state.articlesByDate.insert(key)
        state.articleText.add(serial, texts: [article.title])
        for (entityId, count) in Self.mentionCounts(article) {
            state.mentions.modify(entityId, default: SortedChunks(), removeWhen: \.isEmpty) {
                $0.insert(MentionTally(articleId: article.id, count: count))
            }
        }
        note(.article, article.id, old == nil ? .created : .updated)
    }

    /// Deletes the article; events that cite it lose those sources, and go when none is left.
    mutating func deleteArticle(id: String) {
        guard let (serial, old) = state.articles.remove(id: id) else { return }
        unindex(old, serial: serial)
        note(.article, id, .deleted)
        let citing = state.eventsByArticle[id]?.elements ?? []
        for key in citing {
            guard var event = state.events[serial: key.serial] else { continue }
            event.sources.removeAll { $0.articleId == id }
            if event.sources.isEmpty {
                deleteEvent(id: event.id)
            } else {
                upsertEvent(event)
            }
        }
    }

    private mutating func unindex(_ article: Article, serial: UInt32) {
        state.articlesByDate.remove(SortKey(day: Int32(clamping: article.publishedAt.ordinal), serial: serial))
        state.articleText.remove(serial, texts: [article.title])
        state.duplicateKeys.remove(article)
        for entityId in Self.mentionCounts(article).keys {
            state.mentions.modify(entityId, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(article.id) }
        }
    }

    static func mentionCounts(_ article: Article) -> [String: Int] {
        var counts: [String: Int] = [:]
        for mention in article.mentions { counts[mention.entityId, default: 0] += 1 }
        return counts
    }
}
