/// Everything one snapshot holds: the records and every index over them.
///
/// All parts are copy-on-write values built so that a copy shares nearly everything and a
/// write copies only the few small pieces it touches; ``StoreWriter`` changes a copy and a new
/// ``StoreSnapshot`` freezes it.
struct StoreState: Sendable {
    var articles = Table<Article>()
    var entities = Table<Entity>()
    var events = Table<Event>()
    /// By event serial.
    var eventMeta = ChunkedVector<EventMeta>()

    /// Every event in date order.
    var eventsByDate = SortedChunks<SortKey>()
    /// Events by the ids of their participants and location.
    var eventsByEntity = PersistentMap<String, SortedChunks<SortKey>>()
    var eventsByLocation = PersistentMap<String, SortedChunks<SortKey>>()
    var eventsByType: [EventType: SortedChunks<SortKey>] = [:]
    var eventsByStatus: [EventStatus: SortedChunks<SortKey>] = [:]
    /// Events by the ids of the articles their sources cite.
    var eventsByArticle = PersistentMap<String, SortedChunks<SortKey>>()
    /// Summaries and source quotes.
    var eventText = TextIndex<SortKey>()
    /// The widest `latest - earliest` of any event ever stored, in days: how far before a
    /// `from` day an overlapping event can start.
    var maxEventSpan: Int32 = 0

    /// Articles by publication day, then serial.
    var articlesByDate = SortedChunks<SortKey>()
    /// Titles, by article serial.
    var articleText = TextIndex<UInt32>()
    /// For each entity id, the articles that mention it and how often.
    var mentions = PersistentMap<String, SortedChunks<MentionTally>>()

    /// Entity ids in order, all and by type.
    var entityIds = SortedChunks<String>()
    var entityIdsByType: [EntityType: SortedChunks<String>] = [:]
    /// Names and aliases, by entity serial.
    var entityText = TextIndex<UInt32>()
    /// Merged entity ids and the entity each now lives on.
    var redirects: [String: String] = [:]

    /// Where the next unique id on a base starts, for each kind.
    var articleIDs = IDSuffixes()
    var entityIDs = IDSuffixes()
    var eventIDs = IDSuffixes()
    /// Articles by source URL and body, to find reposts.
    var duplicateKeys = DuplicateKeys()
    /// Entities by the names an article can link to them under.
    var names = NameKeys()

    /// The ids of the articles that mention an entity, in id order.
    func mentionedArticleIds(of entityId: String) -> [String] {
        (mentions[entityId]?.elements ?? []).map(\.articleId)
    }
}
