extension StoreWriter {
    /// Adds `events` to a state that holds no events yet, as a restart reading a snapshot does:
    /// each index's lists are gathered whole and sorted once, instead of taking one insert per
    /// event. A snapshot lists events by serial, not by date, so one insert at a time lands in
    /// the middle of a chunk and shifts it, for every list the event is in (at a million events,
    /// more than half of a start-up). The state ends as ``upsertEvent(_:)`` of each in turn
    /// would leave it, with the same serials, and no changes are noted (a restore has none to
    /// report). When the state holds events already, or two events share an id, it writes them
    /// one by one after all, noting each.
    mutating func load(_ events: [Event]) {
        let start = state
        guard start.events.count == 0 else { return writeOneByOne(events) }
        var byDate: [SortKey] = []
        byDate.reserveCapacity(events.count)
        var byEntity: [String: [SortKey]] = [:]
        var byLocation: [String: [SortKey]] = [:]
        var byArticle: [String: [SortKey]] = [:]
        var byType: [EventType: [SortKey]] = [:]
        var byStatus: [EventStatus: [SortKey]] = [:]
        var text = TextIndex<SortKey>.Gathering()
        // Two passes: first what stays (each event's record, metadata and key), then the lists
        // gathered and let go once sorted. Gathered in the same pass, the lists' buffers, freed
        // as they grow and once the indexes are built, left holes between the records that the
        // process kept: at a million events, about 110 MB of its memory after loading.
        for event in events {
            let (serial, old) = state.events.upsert(event)
            if old != nil {
                // A repeated id: the event it replaces has its record and key already.
                state = start
                return writeOneByOne(events)
            }
            state.eventIDs.note(event.id)
            let key = SortKey(event: event, serial: serial)
            setMeta(EventMeta(event), for: key)
            byDate.append(key)
        }
        for (event, key) in zip(events, byDate) {
            for id in Self.entityIds(of: event) { byEntity[id, default: []].append(key) }
            if let location = event.location { byLocation[location, default: []].append(key) }
            byType[event.type, default: []].append(key)
            byStatus[event.status, default: []].append(key)
            for articleId in Set(event.sources.map(\.articleId)) { byArticle[articleId, default: []].append(key) }
            text.add(key, texts: Self.texts(of: event))
        }
        state.eventsByDate = SortedChunks(sorted: byDate.sorted())
        state.eventsByEntity = Self.sortedLists(byEntity)
        state.eventsByLocation = Self.sortedLists(byLocation)
        state.eventsByArticle = Self.sortedLists(byArticle)
        state.eventsByType = byType.mapValues { SortedChunks(sorted: $0.sorted()) }
        state.eventsByStatus = byStatus.mapValues { SortedChunks(sorted: $0.sorted()) }
        state.eventText = TextIndex(consume text)
    }

    private mutating func writeOneByOne(_ events: [Event]) {
        for event in events { upsertEvent(event) }
    }

    /// Each list sorted, as the map of lists the indexes keep.
    private static func sortedLists(_ lists: [String: [SortKey]]) -> PersistentMap<String, SortedChunks<SortKey>> {
        var map = PersistentMap<String, SortedChunks<SortKey>>()
        for (id, keys) in lists { map[id] = SortedChunks(sorted: keys.sorted()) }
        return map
    }
}
