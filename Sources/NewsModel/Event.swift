/// A dated happening that articles report: who took part, where, what figures were given,
/// and the sentences it came from.
public struct Event: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    /// One line that says what happened (`Vladimir Putin hosted Mahmoud Abbas at Novo-Ogaryovo`).
    public var summary: String
    /// For a statement, what was said, in the text's words: the reported clause or the
    /// quotation (`it had executed an Israeli hostage`); the speaker is its actor. Nil for other
    /// events, and when the text does not say.
    public var said: String?
    /// When, as the text said it; nil when the text gives no time (never invented).
    public var date: EventDate?
    // `type` and `status` are a byte each, stored after `date` to fill the padding at its end:
    // an event takes 168 bytes, not 176, in each slot of the store's table of events.
    public var type: EventType
    public var status: EventStatus
    /// The entity id of the place, when the text names one.
    public var location: String?
    public var participants: [Participant]
    public var figures: [Figure]
    /// Every sentence that reports this event; more than one when later articles repeat it.
    public var sources: [EventSource]
    /// From 0 to 1: how sure the extractor (or the editor) is.
    public var confidence: Double
    /// The extractor version that produced it; nil for events written through the API.
    public var extractorVersion: String?

    public init(
        id: String, type: EventType, summary: String, date: EventDate?, status: EventStatus,
        location: String? = nil, participants: [Participant] = [], figures: [Figure] = [],
        sources: [EventSource] = [], confidence: Double = 1, extractorVersion: String? = nil, said: String? = nil
    ) {
        self.id = id
        self.type = type
        self.summary = summary
        self.said = said
        self.date = date
        self.status = status
        self.location = location
        self.participants = participants
        self.figures = figures
        self.sources = sources
        self.confidence = confidence
        self.extractorVersion = extractorVersion
    }
}

/// Whether an event has happened, is under way, is planned, or only might happen.
public enum EventStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case occurred, ongoing, scheduled, possible
}

/// An entity taking part in an event, and how.
public struct Participant: Codable, Sendable, Hashable {
    public var entityId: String
    public var role: Role

    public init(entityId: String, role: Role) {
        self.entityId = entityId
        self.role = role
    }

    /// The part an entity plays in an event.
    public enum Role: String, Codable, Sendable, Hashable, CaseIterable {
        case actor, target, host, guest, mediator, participant
    }
}

/// A number an event report gives: `over 90 lives` is at least 90 fatalities.
public struct Figure: Codable, Sendable, Hashable {
    /// What is counted: `fatalities`, `injuries`, `aid`, `people`, `money`, `votes`, `score`, ...
    public var kind: String
    public var value: Double
    /// The unit as normalized (`tons`, `people`, `USD`); nil for plain counts.
    public var unit: String?
    public var qualifier: Qualifier
    /// The words the figure was read from (`over 700 tons`).
    public var text: String?

    public init(kind: String, value: Double, unit: String? = nil, qualifier: Qualifier = .exact, text: String? = nil) {
        self.kind = kind
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.text = text
    }

    /// How exact the number is.
    public enum Qualifier: String, Codable, Sendable, Hashable, CaseIterable {
        case exact, atLeast, atMost, about
    }
}

/// One sentence of one article that reports an event.
///
/// `start` and `end` count Unicode scalars into the article body, `end` exclusive.
public struct EventSource: Codable, Sendable, Hashable {
    public var articleId: String
    public var sentenceIndex: Int
    public var start: Int
    public var end: Int
    /// The sentence as written.
    public var quote: String

    public init(articleId: String, sentenceIndex: Int, start: Int, end: Int, quote: String) {
        self.articleId = articleId
        self.sentenceIndex = sentenceIndex
        self.start = start
        self.end = end
        self.quote = quote
    }
}
