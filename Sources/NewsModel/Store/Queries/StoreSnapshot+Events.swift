extension StoreSnapshot {
    /// One page of the events that match a query, in the query's date order.
    ///
    /// Throws ``StoreQueryError`` for a limit out of range, `from` after `to`, or a cursor
    /// that is malformed or was made for other filters.
    public func events(_ query: EventQuery) throws(StoreQueryError) -> Page<Event> {
        try Self.check(limit: query.limit)
        try Self.checkRange(of: query)
        let filters = query.filterSignature
        let cursor = try query.cursor.map { text throws(StoreQueryError) in try PageCursor(decoding: text, filters: filters) }
        let plan = EventPlan(query, state: state)
        var keys: [SortKey] = []
        plan.forEachMatch(after: cursor?.sortKey) { key in
            keys.append(key)
            return keys.count <= query.limit
        }
        let events = keys.prefix(query.limit).compactMap { state.events[serial: $0.serial] }
        var next: String?
        if keys.count > query.limit, let last = keys.prefix(query.limit).last, let event = events.last {
            next = PageCursor(filters: filters, key: last, id: event.id).encoded
        }
        return Page(items: events, next: next, total: plan.count)
    }

    /// Calls `body` with every event that matches the query's filters, and its key, in date
    /// order (the query's limit and cursor ignored): what counts over all matches are made of.
    /// Throws for `from` after `to`.
    func forEachMatch(of query: EventQuery, _ body: (SortKey, Event) -> Void) throws(StoreQueryError) {
        try Self.checkRange(of: query)
        var query = query
        query.cursor = nil
        EventPlan(query, state: state).forEachMatch { key in
            if let event = state.events[serial: key.serial] { body(key, event) }
            return true
        }
    }

    static func checkRange(of query: EventQuery) throws(StoreQueryError) {
        if let from = query.from, let to = query.to, from > to { throw .invalidDateRange(from: from, to: to) }
    }

    /// The events an entity takes part in (as participant or location), in date order.
    public func events(forEntity id: String) -> [Event] {
        events(in: state.eventsByEntity[state.redirects[id] ?? id])
    }

    /// The events that cite an article, in date order.
    public func events(forArticle id: String) -> [Event] {
        events(in: state.eventsByArticle[id])
    }

    private func events(in list: SortedChunks<SortKey>?) -> [Event] {
        (list?.elements ?? []).compactMap { state.events[serial: $0.serial] }
    }

    static func check(limit: Int) throws(StoreQueryError) {
        guard (1...EventQuery.maxLimit).contains(limit) else { throw .invalidLimit(limit) }
    }
}
