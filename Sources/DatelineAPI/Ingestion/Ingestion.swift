import Extraction
import HTTPServer
import HTTPTypes
import NewsModel

/// Turns article text into store changes: extraction, linking to the entities the store
/// already knows, merging events that other articles already reported, one version step.
final class Ingestion: Sendable {
    private let persistence: any StoreOfRecord
    let extractor: Extractor

    init(persistence: any StoreOfRecord, extractor: Extractor) {
        self.persistence = persistence
        self.extractor = extractor
    }

    var store: NewsStore { persistence.store }

    /// Whether a handler that writes only through ``answer(_:reading:with:)`` may block its
    /// thread: not when the store of record answers through gates.
    var answersMayBlock: Bool { !persistence.submitsWithoutWaiting }

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

    /// Runs `decide` on the latest state and stages the changes it returns, with no other write
    /// between, so that what it checks still holds when they apply; `read` takes what the answer
    /// needs from the state they made. Then waits until they are durable and readers see them,
    /// and returns what `read` returned. Keep `decide` and `read` to checks, the making of
    /// changes and lookups: validation, extraction and encoding belong before or after.
    func write<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> Answer {
        try Self.unavailableOnFailure { try persistence.write(decide, reading: read) }
    }

    /// Does what ``write(_:reading:)`` does without waiting: answers at once with what `respond`
    /// makes of `read`'s answer, with a gate on it, so that the server sends it once the changes
    /// are durable (or, if their flush fails, the 503 the write would have thrown). When
    /// `respond` fails, its error is thrown once the changes are durable.
    func answer<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer,
        with respond: (Answer) throws -> Response
    ) throws -> Response {
        let (answer, staged) = try Self.unavailableOnFailure { try persistence.submit(decide, reading: read) }
        return try Self.gated(staged) { try respond(answer) }
    }

    /// Does what ``answer(_:reading:with:)`` does for a write of the one event `decide` makes,
    /// answered with the event as written: `respond` gets its JSON, which the journal's record
    /// of it reuses.
    func answer(event decide: (StoreSnapshot) throws -> Event, with respond: ([UInt8]) throws -> Response) throws -> Response {
        let (json, staged) = try Self.unavailableOnFailure { try persistence.submit(event: decide) }
        return try Self.gated(staged) { try respond(json) }
    }

    /// Does what ``answer(event:with:)`` does for a new event, its id made from `base` and
    /// `check` passed on the state it is written on (see
    /// ``StoreOfRecord/submit(newEvent:idBase:checking:)``): `respond` gets the event as written,
    /// with its id, and its JSON.
    func answer(
        newEvent event: Event, idBase base: String, checking check: @escaping @Sendable (Event, StoreSnapshot) throws -> Void,
        with respond: (Event, [UInt8]) throws -> Response
    ) throws -> Response {
        let (written, json, staged) = try Self.unavailableOnFailure {
            try persistence.submit(newEvent: event, idBase: base, checking: check)
        }
        return try Self.gated(staged) { try respond(written, json) }
    }

    /// What `respond` makes, sent once the write behind `staged` is durable; when `respond`
    /// fails, its error is thrown once the write is durable.
    private static func gated(_ staged: any ResponseGate, _ respond: () throws -> Response) throws -> Response {
        let durable = UnavailableOnFailure(base: staged)
        var response: Response
        do {
            response = try respond()
        } catch {
            try durable.waitUntilOpen()
            throw error
        }
        response.gate = durable
        return response
    }

    /// A gate whose failure is the 503 a failed write answers with.
    private struct UnavailableOnFailure: ResponseGate {
        let base: any ResponseGate

        func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void) {
            base.whenOpen { error in
                opened(error.map(Ingestion.unavailable))
            }
        }
    }

    /// A write whose answer needs nothing from the state it made, see ``answer(_:reading:with:)``.
    func answer(_ decide: (StoreSnapshot) throws -> [StoreChange], with response: Response) throws -> Response {
        try answer(decide, reading: { _ in }, with: { response })
    }

    /// A write whose answer needs nothing from the state it made, see ``write(_:reading:)``.
    func write(_ decide: (StoreSnapshot) throws -> [StoreChange]) throws {
        try write(decide, reading: { _ in })
    }

    /// Runs a write, turning a journal that cannot be written into 503: the write was not
    /// applied, and none will be until a restart.
    private static func unavailableOnFailure<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw unavailable(error)
        }
    }

    /// The 503 for a write the store of record could not take; any other error as it is.
    private static func unavailable(_ error: any Error) -> any Error {
        switch error {
        case is DurabilityError:
            HTTPError(.serviceUnavailable, detail: "The write could not be made durable and was not applied.")
        case let failure as DatabaseUnavailable:
            HTTPError(
                .serviceUnavailable, detail: "The write was not applied: \(failure.reason). Try again later.",
                headerFields: [.retryAfter: String(failure.retryAfter)])
        default:
            error
        }
    }

    /// Extracts from the article and commits the article, its entities and its events as one
    /// version; an article the store already holds is returned as it is, nothing written.
    /// Extraction runs before the write, on the latest state; inside it, the article is
    /// checked again for a duplicate and its id for a taker, and events are merged with those
    /// the store holds then. Throws only when the journal cannot be written (and then nothing
    /// changed).
    func ingest(_ input: ArticleInput) throws -> Outcome {
        try Self.unavailableOnFailure { try extractAndCommit(input) }
    }

    private func extractAndCommit(_ input: ArticleInput) throws -> Outcome {
        let body = Cleaner.clean(input.text, title: input.title, language: input.language)
        while true {
            let seen = persistence.latest
            // A repost costs no extraction: it is answered once the state it was found in is durable.
            if let stored = Self.storedDuplicate(of: input, body: body, in: seen) {
                try write { _ in [] }
                return stored
            }
            let articleID = seen.uniqueID(from: Slug.make(input.title), for: .article)
            let result = extractor.extract(input, articleId: articleID, known: seen.entities(nameableIn: [input.title, input.text]))
            var outcome: Outcome?
            try write { latest in
                if let stored = Self.storedDuplicate(of: input, body: body, in: latest) {
                    outcome = stored
                    return []
                }
                // Another writer took the id meanwhile: extract again under a free one.
                guard latest.article(articleID) == nil else { return [] }
                let (changes, created, merged) = Self.changes(for: result, in: latest)
                outcome = Outcome(
                    article: result.article, entityIDs: result.entities.map(\.id), createdEventIDs: created, mergedEventIDs: merged)
                return changes
            }
            if let outcome { return outcome }
        }
    }

    /// The outcome of posting `input` again, when `snapshot` holds it already.
    private static func storedDuplicate(of input: ArticleInput, body: String, in snapshot: StoreSnapshot) -> Outcome? {
        guard let id = snapshot.duplicateArticle(url: input.source.url, body: body),
            let existing = snapshot.article(id)
        else { return nil }
        return duplicateOutcome(existing)
    }

    private static func duplicateOutcome(_ existing: Article) -> Outcome {
        var seen = Set<String>()
        let entityIDs = existing.mentions.map(\.entityId).filter { seen.insert($0).inserted }
        return Outcome(article: existing, entityIDs: entityIDs, createdEventIDs: [], mergedEventIDs: [], duplicate: true)
    }

    /// The changes that store an extraction's article, entities and events in `snapshot`: its
    /// entities folded into those stored, its events merged with those of the same entities.
    /// Also the ids of the events created and of those merged into.
    private static func changes(for result: ExtractionResult, in snapshot: StoreSnapshot) -> ([StoreChange], [String], [String]) {
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
            changes.append(.upsertEntity(combined(entity, with: snapshot.storedEntity(entity.id))))
        }
        changes += updated.map(StoreChange.upsertEvent)
        changes += added.map(StoreChange.upsertEvent)
        return (changes, added.map(\.id), updated.map(\.id))
    }

    /// The id of the stored article `input` would duplicate (same source URL or same cleaned
    /// body), if any; nothing is written.
    func storedArticleID(for input: ArticleInput) -> String? {
        let body = Cleaner.clean(input.text, title: input.title, language: input.language)
        return persistence.latest.duplicateArticle(url: input.source.url, body: body)
    }

    /// Whether the stored article needs the current extractor again.
    func needsReextraction(articleID: String) -> Bool {
        let snapshot = persistence.store.snapshot
        guard let article = snapshot.article(articleID) else { return false }
        return ReextractionPlan.needsReextraction(article, in: snapshot, current: Extractor.version)
    }

    /// Runs the current extractor again over one stored article and commits the plan as one
    /// version step; nil when the article is gone or already current. The plan is made before
    /// the write, and made again inside it only when another write came between.
    func reextract(articleID: String) throws -> ReextractionCounts? {
        let current = Extractor.version
        func plan(in snapshot: StoreSnapshot) -> ReextractionPlan? {
            guard let article = snapshot.article(articleID),
                ReextractionPlan.needsReextraction(article, in: snapshot, current: current)
            else { return nil }
            let result = extractor.reextract(article, known: ReextractionPlan.linkable(to: article, in: snapshot, current: current))
            return ReextractionPlan.make(for: article, result: result, in: snapshot, current: current)
        }
        let seen = persistence.latest
        let early = plan(in: seen)
        var made: ReextractionPlan?
        try write { latest in
            made = latest.version == seen.version ? early : plan(in: latest)
            return made?.changes ?? []
        }
        guard var made else { return nil }
        made.counts.articlesReextracted = 1
        return made.counts
    }

    /// An extracted entity folded into the one the store has: the stored name, description,
    /// Wikidata id and coordinates stand (the extracted ones fill those it lacks); aliases join.
    static func combined(_ extracted: Entity, with stored: Entity?) -> Entity {
        guard var entity = stored else { return extracted }
        for alias in extracted.aliases + [extracted.name] where alias != entity.name && !entity.aliases.contains(alias) {
            entity.aliases.append(alias)
        }
        entity.description = entity.description ?? extracted.description
        entity.wikidataId = entity.wikidataId ?? extracted.wikidataId
        entity.coordinates = entity.coordinates ?? extracted.coordinates
        return entity
    }
}
