import Extraction
import NewsModel

/// What re-extracting one stored article changes, decided on one snapshot, to commit as one
/// version step (so a crash leaves the article either wholly before or wholly after).
///
/// Only machine-made items of another extractor version are replaced: items with no
/// `extractorVersion` were written (or since changed) through the API and are never touched,
/// and items of the current version stand. In detail:
///
/// - the article takes the new mentions and the current version;
/// - an entity found again replaces an older-version entity of its id, joins the aliases of a
///   current one (as ingestion does), and is created when missing; an id merged away is read as
///   the entity it was merged into, which is not rewritten;
/// - an older-version event citing the article is removed once every article it cites is
///   re-extracted (kept until then, so a report from an article not yet re-extracted is not lost);
/// - the new events merge into current-version events of the same happening, as ingestion does;
/// - an older-version entity no article mentions and no event names any more is removed.
struct ReextractionPlan: Sendable, Hashable {
    /// The changes, in order; empty when nothing needs to change.
    var changes: [StoreChange] = []
    var counts = ReextractionCounts()

    /// Whether an item stamped `version` was made by another extractor than `current`.
    static func isOutdated(_ version: String?, current: String) -> Bool {
        version != nil && version != current
    }

    /// Whether `article` needs the extractor again: it was read by another version, or it still
    /// mentions an entity, or is cited by an event, of another version.
    static func needsReextraction(_ article: Article, in snapshot: StoreSnapshot, current: String) -> Bool {
        if article.extractorVersion != current { return true }
        if snapshot.events(forArticle: article.id).contains(where: { isOutdated($0.extractorVersion, current: current) }) {
            return true
        }
        return Set(article.mentions.map(\.entityId)).contains {
            isOutdated(snapshot.entity($0)?.extractorVersion, current: current)
        }
    }

    /// The entities the extractor may link to in `article`: those its title and body can name,
    /// written through the API or of the current version. Older machine-made ones are left out,
    /// so their mistakes are not repeated.
    static func linkable(to article: Article, in snapshot: StoreSnapshot, current: String) -> [Entity] {
        snapshot.entities(nameableIn: [article.title, article.body]).filter { !isOutdated($0.extractorVersion, current: current) }
    }

    /// The plan for `article`, given what the extractor found in it now.
    static func make(for article: Article, result: ExtractionResult, in snapshot: StoreSnapshot, current: String) -> ReextractionPlan {
        var plan = ReextractionPlan()
        let resolve = { (id: String) in snapshot.redirect(for: id) ?? id }

        var fresh = result.article
        fresh.extractorVersion = current
        fresh.mentions = fresh.mentions.map { mention in
            var mention = mention
            mention.entityId = resolve(mention.entityId)
            return mention
        }
        if fresh != article { plan.changes.append(.upsertArticle(fresh)) }

        let found = plan.replaceEntities(result.entities, resolve: resolve, in: snapshot, current: current)
        let removed = removableEvents(citing: article, in: snapshot, current: current)
        plan.replaceEvents(result.events, removing: removed, found: found, resolve: resolve, in: snapshot, current: current)
        plan.removeOrphans(of: article, removedEvents: removed, found: found, in: snapshot, current: current)
        return plan
    }

    /// Upserts the entities found; returns their ids (merged ones as their survivors).
    private mutating func replaceEntities(
        _ entities: [Entity], resolve: (String) -> String,
        in snapshot: StoreSnapshot, current: String
    ) -> Set<String> {
        var found = Set<String>()
        for entity in entities {
            let id = resolve(entity.id)
            guard found.insert(id).inserted, id == entity.id else { continue }
            guard let stored = snapshot.entity(id) else {
                changes.append(.upsertEntity(entity))
                counts.entitiesCreated += 1
                continue
            }
            if stored.extractorVersion == nil { continue }
            if stored.extractorVersion == current {
                let joined = Ingestion.combined(entity, with: stored)
                if joined != stored { changes.append(.upsertEntity(joined)) }
            } else {
                var replacement = entity
                replacement.extractorVersion = current
                changes.append(.upsertEntity(replacement))
                counts.entitiesReplaced += 1
            }
        }
        return found
    }

    /// The older-version events citing `article` whose every cited article is re-extracted
    /// once this one is.
    private static func removableEvents(citing article: Article, in snapshot: StoreSnapshot, current: String) -> [Event] {
        snapshot.events(forArticle: article.id).filter { event in
            guard isOutdated(event.extractorVersion, current: current) else { return false }
            return Set(event.sources.map(\.articleId)).allSatisfy { id in
                id == article.id || snapshot.article(id).map { $0.extractorVersion == current } ?? true
            }
        }
    }

    private mutating func replaceEvents(
        _ extracted: [Event], removing removed: [Event], found: Set<String>,
        resolve: (String) -> String, in snapshot: StoreSnapshot, current: String
    ) {
        let removedIDs = Set(removed.map(\.id))
        let incoming = extracted.map { event in
            var event = event
            var participants: [Participant] = []
            for var participant in event.participants {
                participant.entityId = resolve(participant.entityId)
                if !participants.contains(participant) { participants.append(participant) }
            }
            event.participants = participants
            event.location = event.location.map(resolve)
            return event
        }
        var candidates: [String: Event] = [:]
        for id in found {
            for event in snapshot.events(forEntity: id)
            where event.extractorVersion == current && !removedIDs.contains(event.id) {
                candidates[event.id] = event
            }
        }
        let (updated, added) = EventMerger.merge(incoming, into: candidates.values.sorted { $0.id < $1.id })
        var written = Set(updated.map(\.id))
        var created: [Event] = []
        var ids = UniqueIDs(in: snapshot, for: .event)
        for var event in added {
            // The id of an event this plan removes may be taken again; any other is made unique.
            if !removedIDs.contains(event.id) || written.contains(event.id) { event.id = ids.claim(event.id) }
            written.insert(event.id)
            created.append(event)
        }
        // An id the new events take again is replaced in place rather than deleted and created.
        changes += removed.filter { !written.contains($0.id) }.map { .deleteEvent(id: $0.id) }
        changes += (updated + created).map(StoreChange.upsertEvent)
        counts.eventsReplaced += removed.count
        counts.eventsCreated += created.count
    }

    /// Removes the older-version entities this article named (in mentions, or in the events
    /// removed) that nothing names any more.
    private mutating func removeOrphans(
        of article: Article, removedEvents: [Event], found: Set<String>,
        in snapshot: StoreSnapshot, current: String
    ) {
        var named = Set(article.mentions.map(\.entityId))
        for event in removedEvents {
            named.formUnion(event.participants.map(\.entityId))
            if let location = event.location { named.insert(location) }
        }
        let removedIDs = Set(removedEvents.map(\.id))
        for id in named.subtracting(found).sorted() {
            guard let stored = snapshot.entity(id), Self.isOutdated(stored.extractorVersion, current: current),
                stored.articleIds.allSatisfy({ $0 == article.id }),
                snapshot.events(forEntity: id).allSatisfy({ removedIDs.contains($0.id) })
            else { continue }
            changes.append(.deleteEntity(id: id))
            counts.entitiesReplaced += 1
        }
    }
}
