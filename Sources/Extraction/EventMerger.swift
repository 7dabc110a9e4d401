public import NewsModel

/// Folds events that later articles report again into the events already known.
///
/// Two events are one happening when they have the same type, date ranges that overlap (or no
/// date at all) and at least one participant in common (or, with no participants, the same
/// place, or none, and date value); `unknown` events must also have the same summary. The known event keeps its id and gains the new source, participants
/// and figures; nothing is duplicated.
public enum EventMerger {
    /// Folds `incoming` into `existing`.
    ///
    /// - Returns: `updated`, the existing events that changed (with their ids), and `added`, the
    ///   incoming events that match none, with ids made unique against `existing`.
    public static func merge(_ incoming: [Event], into existing: [Event]) -> (updated: [Event], added: [Event]) {
        var current = existing
        var changed = Set<Int>()
        var added: [Event] = []
        var ids = Set(existing.map(\.id))
        for event in incoming {
            if let k = bestMatch(event, in: current) {
                let folded = fold(event, into: current[k])
                if folded != current[k] {
                    current[k] = folded
                    changed.insert(k)
                }
            } else if let k = bestMatch(event, in: added) {
                added[k] = fold(event, into: added[k])
            } else {
                var e = event
                var n = 2
                while ids.contains(e.id) {
                    e.id = event.id + "-\(n)"
                    n += 1
                }
                ids.insert(e.id)
                added.append(e)
            }
        }
        return (changed.sorted().map { current[$0] }, added)
    }

    /// The matching event with the same id, else the same date value, else the first match.
    private static func bestMatch(_ event: Event, in events: [Event]) -> Int? {
        let matches = events.indices.filter { sameHappening(events[$0], event) }
        return matches.first { events[$0].id == event.id }
            ?? matches.first { events[$0].date?.value == event.date?.value }
            ?? matches.first
    }

    /// Whether two events report the same happening.
    public static func sameHappening(_ a: Event, _ b: Event) -> Bool {
        guard a.type == b.type else { return false }
        // Two happenings of no known kind, even of one day and actor, are one only when told alike.
        if a.type == .unknown, a.summary.lowercased() != b.summary.lowercased() { return false }
        switch (a.date, b.date) {
        case (let x?, let y?):
            guard x.earliest <= y.latest, y.earliest <= x.latest else { return false }
        case (nil, nil): break
        default: return false
        }
        let pa = Set(a.participants.map(\.entityId))
        let pb = Set(b.participants.map(\.entityId))
        if pa.isEmpty && pb.isEmpty {
            return a.location == b.location && a.date?.value == b.date?.value
        }
        return !pa.isDisjoint(with: pb)
    }

    /// `existing` with the sources, participants, figures and place `incoming` adds.
    public static func fold(_ incoming: Event, into existing: Event) -> Event {
        var e = existing
        for source in incoming.sources
        where !e.sources.contains(where: { $0.articleId == source.articleId && $0.sentenceIndex == source.sentenceIndex }) {
            e.sources.append(source)
        }
        for p in incoming.participants where !e.participants.contains(where: { $0.entityId == p.entityId }) {
            e.participants.append(p)
        }
        for f in incoming.figures where !e.figures.contains(f) { e.figures.append(f) }
        if e.location == nil { e.location = incoming.location }
        if e.said == nil { e.said = incoming.said }
        if let d = incoming.date {
            if let old = e.date {
                if d.precision.rank > old.precision.rank { e.date = d }
            } else {
                e.date = d
            }
        }
        if e.status == .possible && incoming.status != .possible { e.status = incoming.status }
        e.confidence = max(e.confidence, incoming.confidence)
        return e
    }
}
