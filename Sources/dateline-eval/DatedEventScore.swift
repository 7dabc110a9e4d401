/// Counts of one dated-event comparison, summed over documents.
struct DatedEventScore {
    var documents = 0, gold = 0, sentenceHasEvent = 0, rightDate = 0, events = 0, datedEvents = 0

    static func += (a: inout DatedEventScore, b: DatedEventScore) {
        a.documents += b.documents
        a.gold += b.gold
        a.sentenceHasEvent += b.sentenceHasEvent
        a.rightDate += b.rightDate
        a.events += b.events
        a.datedEvents += b.datedEvents
    }
}
