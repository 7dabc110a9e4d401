import NewsModel

/// Counts of one TimeLine comparison, summed over documents.
struct TimelineScore {
    var documents = 0
    /// Gold mentions anchored to a full day, in the body, deduplicated across entity timelines.
    var gold = 0
    /// Day-anchored gold mentions in a title, which the extractor does not read.
    var inTitles = 0
    /// Gold mentions anchored to a month or a year only, and unanchored ones: not scored.
    var coarseAnchors = 0, unanchored = 0
    /// Gold mentions whose sentence is missing from the cleaned body (scored as misses).
    var sentenceMissing = 0
    /// Gold mentions whose sentence gave at least one extracted event, any date or none.
    var sentenceHasEvent = 0
    /// Found with the right date: an event of the sentence dated that very day.
    var rightDay = 0
    /// Found with a date that contains the gold day, at any precision (includes `rightDay`).
    var containing = 0
    var events = 0, datedEvents = 0, dayEvents = 0, clauseSummaries = 0
    var entities: [EntityType: Int] = [:]

    var entityCount: Int { entities.values.reduce(0, +) }

    static func += (a: inout TimelineScore, b: TimelineScore) {
        a.documents += b.documents
        a.gold += b.gold
        a.inTitles += b.inTitles
        a.sentenceMissing += b.sentenceMissing
        a.coarseAnchors += b.coarseAnchors
        a.unanchored += b.unanchored
        a.sentenceHasEvent += b.sentenceHasEvent
        a.rightDay += b.rightDay
        a.containing += b.containing
        a.events += b.events
        a.datedEvents += b.datedEvents
        a.dayEvents += b.dayEvents
        a.clauseSummaries += b.clauseSummaries
        a.entities.merge(b.entities, uniquingKeysWith: +)
    }
}

extension EventDate {
    /// Whether the date can mean `day`: its range holds the day and, for a year, month or day
    /// value, the value is the day's prefix (`2010-06` for 2010-06-07).
    func contains(_ day: Day) -> Bool {
        guard earliest <= day, day <= latest else { return false }
        switch precision {
        case .year, .month, .day: return day.description.hasPrefix(value)
        case .week, .quarter, .decade: return true
        }
    }
}
