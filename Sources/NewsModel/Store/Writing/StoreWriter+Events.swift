extension StoreWriter {
    mutating func upsertEvent(_ event: Event) {
        let (serial, old) = state.events.upsert(event)
        if let old {
            if old == event { return }
            if Self.keepsItsPlace(old, event) {
                reindex(from: old, to: event, serial: serial)
            } else {
                unindex(old, serial: serial)
                index(event, serial: serial)
            }
        } else {
            state.eventIDs.note(event.id)
            index(event, serial: serial)
        }
        note(.event, event.id, old == nil ? .created : .updated)
    }

    /// Whether an event changed without moving in the indexes kept by date, type, status and
    /// place: what a merge that adds sources and participants does.
    private static func keepsItsPlace(_ old: Event, _ new: Event) -> Bool {
        old.date == new.date && old.type == new.type && old.status == new.status && old.location == new.location
    }

    /// An event changed in place: only the entries by participant, by article and by text that
    /// differ are touched, so that an event reported by a thousand articles costs a merge what
    /// the merge changed, not a thousand entries.
    private mutating func reindex(from old: Event, to event: Event, serial: UInt32) {
        let key = SortKey(event: event, serial: serial)
        let (oldEntities, newEntities) = (Self.entityIds(of: old), Self.entityIds(of: event))
        for id in oldEntities.subtracting(newEntities) {
            state.eventsByEntity.modify(id, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(key) }
        }
        for id in newEntities.subtracting(oldEntities) {
            state.eventsByEntity.modify(id, default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(key) }
        }
        let (oldArticles, newArticles) = (Set(old.sources.map(\.articleId)), Set(event.sources.map(\.articleId)))
        for articleId in oldArticles.subtracting(newArticles) {
            state.eventsByArticle.modify(articleId, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(key) }
        }
        for articleId in newArticles.subtracting(oldArticles) {
            state.eventsByArticle.modify(articleId, default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(key) }
        }
        let (oldTexts, newTexts) = (Self.texts(of: old), Self.texts(of: event))
        if oldTexts != newTexts {
            changeEventText(key, oldTexts, adds: false)
            changeEventText(key, newTexts, adds: true)
        }
    }

    mutating func deleteEvent(id: String) {
        guard let (serial, old) = state.events.remove(id: id) else { return }
        unindex(old, serial: serial)
        note(.event, id, .deleted)
    }

    private mutating func index(_ event: Event, serial: UInt32) {
        let key = SortKey(event: event, serial: serial)
        setMeta(EventMeta(event), for: key)
        state.eventsByDate.insert(key)
        for id in Self.entityIds(of: event) {
            state.eventsByEntity.modify(id, default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(key) }
        }
        if let location = event.location {
            state.eventsByLocation.modify(location, default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(key) }
        }
        state.eventsByType[event.type, default: SortedChunks()].insert(key)
        state.eventsByStatus[event.status, default: SortedChunks()].insert(key)
        for articleId in Set(event.sources.map(\.articleId)) {
            state.eventsByArticle.modify(articleId, default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(key) }
        }
        changeEventText(key, Self.texts(of: event), adds: true)
    }

    /// Keeps an event's dates, type and status by its serial, and widens the widest span.
    mutating func setMeta(_ meta: EventMeta, for key: SortKey) {
        if Int(key.serial) == state.eventMeta.count {
            state.eventMeta.append(meta)
        } else {
            state.eventMeta[Int(key.serial)] = meta
        }
        if key.isDated { state.maxEventSpan = max(state.maxEventSpan, meta.latest - meta.earliest) }
    }

    private mutating func unindex(_ event: Event, serial: UInt32) {
        let key = SortKey(event: event, serial: serial)
        state.eventsByDate.remove(key)
        for id in Self.entityIds(of: event) {
            state.eventsByEntity.modify(id, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(key) }
        }
        if let location = event.location {
            state.eventsByLocation.modify(location, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(key) }
        }
        state.eventsByType[event.type]?.remove(key)
        if state.eventsByType[event.type]?.isEmpty == true { state.eventsByType[event.type] = nil }
        state.eventsByStatus[event.status]?.remove(key)
        if state.eventsByStatus[event.status]?.isEmpty == true { state.eventsByStatus[event.status] = nil }
        for articleId in Set(event.sources.map(\.articleId)) {
            state.eventsByArticle.modify(articleId, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(key) }
        }
        changeEventText(key, Self.texts(of: event), adds: false)
    }

    /// The participants and the location.
    static func entityIds(of event: Event) -> Set<String> {
        var ids = Set(event.participants.map(\.entityId))
        if let location = event.location { ids.insert(location) }
        return ids
    }

    /// The texts an event is found by: its summary and each distinct quote of its sources
    /// (the same wire copy quoted by many articles counts once).
    static func texts(of event: Event) -> [String] {
        // Made at its full size first: an array of the summary alone, then made larger, took two.
        var texts: [String] = []
        texts.reserveCapacity(1 + event.sources.count)
        texts.append(event.summary)
        // A lone source needs no set to tell its quote from the others'.
        var seen = Set<String>()
        for source in event.sources where event.sources.count == 1 || seen.insert(source.quote).inserted {
            texts.append(source.quote)
        }
        return texts
    }
}
