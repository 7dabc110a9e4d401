@testable import NewsModel

extension Day {
    /// A day from `YYYY-MM-DD`; traps on a typo in a test.
    static func of(_ text: String) -> Day {
        guard let day = Day(text) else { preconditionFailure("bad test day \(text)") }
        return day
    }
}

extension EventDate {
    /// A whole day.
    static func on(_ text: String) -> EventDate {
        .day(.of(text), phrase: text)
    }

    /// A whole month, `YYYY-MM`.
    static func month(_ text: String) -> EventDate {
        let parts = text.split(separator: "-").map { Int($0)! }
        return EventDate(
            phrase: text, value: text, precision: .month,
            earliest: Day.first(ofMonth: parts[1], year: parts[0])!,
            latest: Day.last(ofMonth: parts[1], year: parts[0])!)
    }

    /// A whole year.
    static func year(_ year: Int) -> EventDate {
        EventDate(
            phrase: "in \(year)", value: String(year), precision: .year,
            earliest: Day(year: year, month: 1, day: 1)!, latest: Day(year: year, month: 12, day: 31)!)
    }
}

extension Event {
    static func make(
        _ id: String, type: EventType = .consult, summary: String? = nil, date: EventDate? = nil,
        status: EventStatus = .occurred, location: String? = nil, participants: [String] = [],
        sources: [EventSource] = []
    ) -> Event {
        Event(
            id: id, type: type, summary: summary ?? "Event \(id)", date: date, status: status, location: location,
            participants: participants.map { Participant(entityId: $0, role: .participant) }, sources: sources)
    }
}

extension EventSource {
    static func make(_ articleId: String, sentence: Int = 0, quote: String = "A sentence.") -> EventSource {
        EventSource(articleId: articleId, sentenceIndex: sentence, start: 0, end: quote.unicodeScalars.count, quote: quote)
    }
}

extension Entity {
    static func make(_ id: String, name: String? = nil, type: EntityType = .person, aliases: [String] = []) -> Entity {
        Entity(id: id, name: name ?? id, type: type, aliases: aliases)
    }
}

extension Article {
    /// An article whose mentions are `(entity, sentence)` pairs.
    static func make(
        _ id: String, title: String? = nil, published: String = "2024-08-13",
        mentions: [(String, Int)] = []
    ) -> Article {
        Article(
            id: id, title: title ?? "Article \(id)", body: "Body of \(id).", source: Source(name: "Test"),
            publishedAt: .of(published),
            mentions: mentions.map { Mention(entityId: $0.0, sentenceIndex: $0.1, start: 0, end: 1, text: $0.0) })
    }
}

/// A store filled with the given items in one step.
func makeStore(entities: [Entity] = [], articles: [Article] = [], events: [Event] = []) -> NewsStore {
    let store = NewsStore()
    store.apply(entities.map(StoreChange.upsertEntity) + articles.map(StoreChange.upsertArticle) + events.map(StoreChange.upsertEvent))
    return store
}
