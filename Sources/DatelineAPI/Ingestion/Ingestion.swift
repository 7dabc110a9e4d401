import Extraction
import Locking
import NewsModel

/// Turns article text into store changes: extraction, linking to the entities the store
/// already knows, merging events that other articles already reported, one version step.
final class Ingestion: Sendable {
    private let persistence: Persistence
    let extractor: Extractor
    /// Ingestions and the API's other writes read the store, then write it: one at a time, so
    /// none is lost. The lock also guards the index that finds reposted articles.
    private let writer = Locked(DuplicateIndex())

    init(persistence: Persistence, extractor: Extractor) {
        self.persistence = persistence
        self.extractor = extractor
    }

    var store: NewsStore { persistence.store }

    /// What one ingestion produced.
    struct Outcome: Sendable {
        var article: Article
        var entityIDs: [String]
        var createdEventIDs: [String]
        var mergedEventIDs: [String]
        /// Whether the store already held this article (same source URL or same cleaned body):
        /// then nothing was written, `article` is the stored one and no events are listed.
        var duplicate = false
    }

    /// Runs `body` on the current snapshot with the writer lock held, so that what it checks
    /// still holds when it commits: the API's writes that read before they write go through here.
    func exclusively<T: Sendable>(_ body: (StoreSnapshot) throws -> T) throws -> T {
        try writer.withLock { _ in try body(persistence.store.snapshot) }
    }

    /// Extracts from the article and commits the article, its entities and its events as one
    /// version; an article the store already holds is returned as it is, nothing written.
    /// Throws only when the journal cannot be written (and then nothing changed).
    func ingest(_ input: ArticleInput) throws -> Outcome {
        try writer.withLock { duplicates in
            let snapshot = persistence.store.snapshot
            let body = Cleaner.clean(input.text, title: input.title, language: input.language)
            if let id = duplicates.duplicate(url: input.source.url, body: body, in: snapshot, store: persistence.store),
                let existing = snapshot.article(id)
            {
                var seen = Set<String>()
                let entityIDs = existing.mentions.map(\.entityId).filter { seen.insert($0).inserted }
                return Outcome(article: existing, entityIDs: entityIDs, createdEventIDs: [], mergedEventIDs: [], duplicate: true)
            }
            let articleID = snapshot.uniqueID(from: Slug.make(input.title), for: .article)
            let known = snapshot.entities(nameableIn: [input.title, input.text])
            let result = extractor.extract(input, articleId: articleID, known: known)

            // Events of an older extractor are left as they are until re-extraction replaces them.
            let candidates = Dictionary(
                result.entities.flatMap { snapshot.events(forEntity: $0.id) }
                    .filter { !ReextractionPlan.isOutdated($0.extractorVersion, current: Extractor.version) }
                    .map { ($0.id, $0) },
                uniquingKeysWith: { first, _ in first })
            var (updated, added) = EventMerger.merge(result.events, into: Array(candidates.values))
            var eventIDs = UniqueIDs(in: snapshot, for: .event)
            for index in added.indices { added[index].id = eventIDs.claim(added[index].id) }

            var changes: [StoreChange] = [.upsertArticle(result.article)]
            for entity in result.entities {
                changes.append(.upsertEntity(Self.combined(entity, with: snapshot.storedEntity(entity.id))))
            }
            changes += updated.map(StoreChange.upsertEvent)
            changes += added.map(StoreChange.upsertEvent)
            try persistence.commit(changes)
            return Outcome(
                article: result.article, entityIDs: result.entities.map(\.id),
                createdEventIDs: added.map(\.id), mergedEventIDs: updated.map(\.id))
        }
    }

    /// The id of the stored article `input` would duplicate (same source URL or same cleaned
    /// body), if any; nothing is written.
    func storedArticleID(for input: ArticleInput) -> String? {
        writer.withLock { duplicates in
            let body = Cleaner.clean(input.text, title: input.title, language: input.language)
            return duplicates.duplicate(url: input.source.url, body: body, in: persistence.store.snapshot, store: persistence.store)
        }
    }

    /// Whether the stored article needs the current extractor again.
    func needsReextraction(articleID: String) -> Bool {
        let snapshot = persistence.store.snapshot
        guard let article = snapshot.article(articleID) else { return false }
        return ReextractionPlan.needsReextraction(article, in: snapshot, current: Extractor.version)
    }

    /// Runs the current extractor again over one stored article and commits the plan as one
    /// version step, with the writer lock held; nil when the article is gone or already current.
    func reextract(articleID: String) throws -> ReextractionCounts? {
        try writer.withLock { _ in
            let snapshot = persistence.store.snapshot
            let current = Extractor.version
            guard let article = snapshot.article(articleID),
                ReextractionPlan.needsReextraction(article, in: snapshot, current: current)
            else { return nil }
            let result = extractor.reextract(article, known: ReextractionPlan.linkable(to: article, in: snapshot, current: current))
            var plan = ReextractionPlan.make(for: article, result: result, in: snapshot, current: current)
            if !plan.changes.isEmpty { try persistence.commit(plan.changes) }
            plan.counts.articlesReextracted = 1
            return plan.counts
        }
    }

    /// An extracted entity folded into the one the store has: the stored name, description and
    /// Wikidata id stand; aliases join.
    static func combined(_ extracted: Entity, with stored: Entity?) -> Entity {
        guard var entity = stored else { return extracted }
        for alias in extracted.aliases + [extracted.name] where alias != entity.name && !entity.aliases.contains(alias) {
            entity.aliases.append(alias)
        }
        entity.description = entity.description ?? extracted.description
        entity.wikidataId = entity.wikidataId ?? extracted.wikidataId
        return entity
    }
}
