import NewsModel

/// Makes a store look as an older extractor left it: its machine-made items restamped with an
/// older version, plus an older-version event and entity the current extractor would not make,
/// and an editor's event beside them.
enum OlderExtraction {
    static let version = "dateline-extract-1.1"

    /// The changes to apply to `snapshot`, whose first article the extra events cite.
    static func changes(in snapshot: StoreSnapshot) -> [StoreChange] {
        let contents = snapshot.contents
        var changes: [StoreChange] = []
        for var entity in contents.entities where entity.extractorVersion != nil {
            entity.extractorVersion = version
            changes.append(.upsertEntity(entity))
        }
        for var article in contents.articles {
            article.extractorVersion = nil
            changes.append(.upsertArticle(article))
        }
        for var event in contents.events where event.extractorVersion != nil {
            event.extractorVersion = version
            changes.append(.upsertEvent(event))
        }
        guard let article = contents.articles.first else { return changes }
        let source = EventSource(
            articleId: article.id, sentenceIndex: 0, start: 0, end: 4,
            quote: String(String.UnicodeScalarView(article.body.unicodeScalars.prefix(4))))
        changes.append(.upsertEntity(Entity(id: "monday-talks", name: "Monday Talks", type: .organization, extractorVersion: version)))
        changes.append(
            .upsertEvent(
                Event(
                    id: "stale-event", type: .consult, summary: "Monday Talks met", date: nil, status: .occurred,
                    participants: [Participant(entityId: "monday-talks", role: .actor)],
                    sources: [source], confidence: 0.5, extractorVersion: version)))
        changes.append(
            .upsertEvent(
                Event(
                    id: "editors-note", type: .statement, summary: "An editor's note", date: nil,
                    status: .occurred, sources: [source])))
        return changes
    }

    /// Whether any item of `snapshot` is still of the older version.
    static func remains(in snapshot: StoreSnapshot) -> Bool {
        let contents = snapshot.contents
        return contents.entities.contains { $0.extractorVersion == version }
            || contents.events.contains { $0.extractorVersion == version }
            || contents.articles.contains { $0.extractorVersion == nil }
    }
}
