extension StoreWriter {
    mutating func upsertEvent(_ event: Event) {
        let (serial, old) = state.events.upsert(event, id: event.id)
        if let old {
            if old == event { return }
            unindex(old, serial: serial)
        } else {
            state.eventIDs.note(event.id)
        }
        index(event, serial: serial)
        note(.event, event.id, old == nil ? .created : .updated)
    }

    mutating func deleteEvent(id: String) {
        guard let (serial, old) = state.events.remove(id: id) else { return }
        unindex(old, serial: serial)
        note(.event, id, .deleted)
    }

    private mutating func index(_ event: Event, serial: UInt32) {
        let key = SortKey(event: event, serial: serial)
        let meta = EventMeta(event)
        if Int(serial) == state.eventMeta.count {
            state.eventMeta.append(meta)
        } else {
            state.eventMeta[Int(serial)] = meta
        }
        if key.isDated { state.maxEventSpan = max(state.maxEventSpan, meta.latest - meta.earliest) }
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
        state.eventText.add(key, Self.terms(of: event))
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
        state.eventText.remove(key, Self.terms(of: event))
    }

    /// The participants and the location.
    static func entityIds(of event: Event) -> Set<String> {
        var ids = Set(event.participants.map(\.entityId))
        if let location = event.location { ids.insert(location) }
        return ids
    }

    static func terms(of event: Event) -> IndexedTerms {
        IndexedTerms([event.summary] + event.sources.map(\.quote))
    }
}
