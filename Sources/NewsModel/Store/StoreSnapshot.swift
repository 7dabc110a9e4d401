/// The store's content at one version: immutable, so any number of readers can query it
/// while writers build the next one.
///
/// Get the current one from ``NewsStore/snapshot`` and keep it for the whole of a request,
/// so that every answer (a page and its `total`, an entity and its events) agrees.
public final class StoreSnapshot: Sendable {
    /// Rises by one with every write that changed something.
    public let version: UInt64
    /// What the writes since the snapshot it was made from did, oldest first, each record with
    /// its version: one write's, or several when a writer published them together (empty for
    /// the first, empty snapshot, and for a ``StoreDraft/view``).
    public let lastChanges: [ChangeRecord]
    let state: StoreState

    init(version: UInt64, state: StoreState, lastChanges: [ChangeRecord]) {
        self.version = version
        self.state = state
        self.lastChanges = lastChanges
    }

    /// An empty store at version 0.
    public convenience init() {
        self.init(version: 0, state: StoreState(), lastChanges: [])
    }

    public var articleCount: Int { state.articles.count }
    public var entityCount: Int { state.entities.count }
    public var eventCount: Int { state.events.count }

    /// The entity a merged entity id now lives on (following merges of merges), or nil when
    /// `id` was never merged. The API answers a request for `id` with a redirect to it.
    public func redirect(for id: String) -> String? {
        state.redirects[id]
    }

    /// The event with this id.
    public func event(_ id: String) -> Event? {
        state.events[id]
    }

    /// The article with this id.
    public func article(_ id: String) -> Article? {
        state.articles[id]
    }

    /// The entity with this id, its `mentionCount` and `articleIds` (sorted) counted from the
    /// articles held.
    public func entity(_ id: String) -> Entity? {
        state.entities[id].map(withMentions)
    }

    /// Whether an entity has this id: cheaper than ``entity(_:)``, which counts mentions.
    public func containsEntity(_ id: String) -> Bool {
        state.entities.serial(for: id) != nil
    }

    /// The entity with this id as written, without the derived `mentionCount` and `articleIds`
    /// (whose counting grows with the articles that mention it): for writes that read an
    /// entity to change it.
    public func storedEntity(_ id: String) -> Entity? {
        state.entities[id]
    }

    func withMentions(_ entity: Entity) -> Entity {
        var entity = entity
        let tallies = state.mentions[entity.id]?.elements ?? []
        entity.articleIds = tallies.map(\.articleId)
        entity.mentionCount = tallies.reduce(0) { $0 + $1.count }
        return entity
    }
}
