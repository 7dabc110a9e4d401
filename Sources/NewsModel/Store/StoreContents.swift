/// Everything a store holds at one version, as plain values: what a durable snapshot writes
/// and what a restart reads back.
public struct StoreContents: Codable, Sendable, Hashable {
    public var version: UInt64
    public var articles: [Article]
    public var entities: [Entity]
    public var events: [Event]
    /// Merged entity ids and the entity each now lives on.
    public var redirects: [String: String]

    public init(
        version: UInt64, articles: [Article] = [], entities: [Entity] = [], events: [Event] = [],
        redirects: [String: String] = [:]
    ) {
        self.version = version
        self.articles = articles
        self.entities = entities
        self.events = events
        self.redirects = redirects
    }
}

extension StoreSnapshot {
    /// The snapshot's records and redirects, in insertion order.
    public var contents: StoreContents {
        var contents = StoreContents(version: version, redirects: redirects)
        contents.articles.reserveCapacity(state.articles.count)
        contents.entities.reserveCapacity(state.entities.count)
        contents.events.reserveCapacity(state.events.count)
        forEachEntity { contents.entities.append($0) }
        forEachArticle { contents.articles.append($0) }
        forEachEvent { contents.events.append($0) }
        return contents
    }

    /// Merged entity ids and the entity each now lives on.
    public var redirects: [String: String] { state.redirects }

    /// Calls `body` with every article, in the order ``contents`` lists them, without gathering
    /// them first.
    public func forEachArticle(_ body: (Article) throws -> Void) rethrows { try state.articles.forEach(body) }

    /// Calls `body` with every entity, in the order ``contents`` lists them.
    public func forEachEntity(_ body: (Entity) throws -> Void) rethrows { try state.entities.forEach(body) }

    /// Calls `body` with every event, in the order ``contents`` lists them.
    public func forEachEvent(_ body: (Event) throws -> Void) rethrows { try state.events.forEach(body) }
}

extension NewsStore {
    /// A store holding exactly `contents`, at its version; the change log starts empty there.
    public convenience init(restoring contents: StoreContents, changeLogCapacity: Int = 10_000) {
        self.init(initial: StoreSnapshot(restoring: contents), changeLogCapacity: changeLogCapacity)
    }
}

extension StoreSnapshot {
    /// A snapshot holding exactly `contents`, at its version.
    convenience init(restoring contents: StoreContents) {
        var writer = StoreWriter(state: StoreState())
        for entity in contents.entities { writer.apply(.upsertEntity(entity)) }
        for article in contents.articles { writer.apply(.upsertArticle(article)) }
        writer.load(contents.events)
        var state = writer.state
        state.redirects = contents.redirects
        self.init(version: contents.version, state: state, lastChanges: [])
    }
}
