/// One re-extraction as `GET /admin/reextract/{id}` shows it: its state, how far it is, and
/// what it has replaced so far.
public struct ReextractionStatus: Codable, Sendable, Hashable {
    public enum State: String, Codable, Sendable, Hashable, CaseIterable {
        case running, succeeded, failed
    }

    public var id: String
    public var state: State
    /// The version items are re-extracted to.
    public var extractorVersion: String
    /// Articles the store held when the job started, and how many of them it has gone through.
    public var articlesTotal: Int
    public var articlesDone: Int
    public var articlesReextracted: Int
    public var eventsReplaced: Int
    public var eventsCreated: Int
    public var entitiesReplaced: Int
    public var entitiesCreated: Int
    /// RFC 3339 times, UTC.
    public var startedAt: String
    public var finishedAt: String?
    /// Why a failed job stopped; the articles done before it stay re-extracted.
    public var error: String?

    init(id: String, extractorVersion: String, startedAt: String) {
        self.id = id
        self.state = .running
        self.extractorVersion = extractorVersion
        self.articlesTotal = 0
        self.articlesDone = 0
        self.articlesReextracted = 0
        self.eventsReplaced = 0
        self.eventsCreated = 0
        self.entitiesReplaced = 0
        self.entitiesCreated = 0
        self.startedAt = startedAt
    }

    mutating func add(_ counts: ReextractionCounts) {
        articlesReextracted += counts.articlesReextracted
        eventsReplaced += counts.eventsReplaced
        eventsCreated += counts.eventsCreated
        entitiesReplaced += counts.entitiesReplaced
        entitiesCreated += counts.entitiesCreated
    }
}
