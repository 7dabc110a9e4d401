import NewsModel

extension Event {
    /// A test event citing one sentence of one article.
    static func make(
        _ id: String, _ type: EventType, _ summary: String, date: EventDate?,
        status: EventStatus = .occurred, location: String? = nil,
        participants: [(String, Participant.Role)] = [], figures: [Figure] = [],
        source: (article: String, sentence: Int, quote: String)? = nil
    ) -> Event {
        Event(
            id: id, type: type, summary: summary, date: date, status: status, location: location,
            participants: participants.map { Participant(entityId: $0.0, role: $0.1) }, figures: figures,
            sources: source.map {
                [
                    EventSource(
                        articleId: $0.article, sentenceIndex: $0.sentence, start: 0,
                        end: $0.quote.unicodeScalars.count, quote: $0.quote)
                ]
            } ?? [],
            confidence: 0.75)
    }
}

extension EventDate {
    /// A whole month: `2024-06`.
    static func month(
        _ year: Int, _ month: Int, phrase: String, modifier: Modifier? = nil,
        days: ClosedRange<Int>? = nil
    ) -> EventDate {
        let last = Day.last(ofMonth: month, year: year)!.day
        let range = days ?? 1...last
        return EventDate(
            phrase: phrase, value: "\(year)-\(month < 10 ? "0" : "")\(month)", precision: .month, modifier: modifier,
            earliest: Day(year: year, month: month, day: range.lowerBound)!,
            latest: Day(year: year, month: month, day: range.upperBound)!)
    }

    /// A whole year.
    static func year(_ year: Int, phrase: String) -> EventDate {
        EventDate(
            phrase: phrase, value: String(year), precision: .year,
            earliest: Day(year: year, month: 1, day: 1)!, latest: Day(year: year, month: 12, day: 31)!)
    }

    /// One day, `YYYY-MM-DD`.
    static func on(_ text: String, phrase: String) -> EventDate {
        .day(Day(text)!, phrase: phrase)
    }
}
