/// One write to the store. A list of them passed to ``NewsStore/apply(_:)`` becomes one
/// version step, so one ingestion (an article, its entities and its events) is seen whole
/// or not at all.
public enum StoreChange: Sendable, Hashable {
    /// Creates the article or replaces the one with its id.
    case upsertArticle(Article)
    /// Deletes the article, the event sources that cite it, and the events left with no source.
    case deleteArticle(id: String)
    /// Creates the entity or replaces the one with its id. `mentionCount` and `articleIds` are
    /// ignored: the store derives them from the articles it holds.
    case upsertEntity(Entity)
    /// Deletes the entity, its participations and locations in events, and its mentions in articles.
    case deleteEntity(id: String)
    /// Creates the event or replaces the one with its id.
    case upsertEvent(Event)
    /// Deletes the event.
    case deleteEvent(id: String)
    /// Moves the mentions, participations and locations of entity `id` to `into`, adds its
    /// name and aliases to the aliases of `into`, deletes it and remembers the redirect.
    /// Nothing happens when either entity is missing or they are the same.
    case mergeEntity(id: String, into: String)
}
