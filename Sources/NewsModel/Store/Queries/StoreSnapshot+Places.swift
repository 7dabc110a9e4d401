extension StoreSnapshot {
    /// The places of the events matching a query (its sort, limit and cursor ignored), each with
    /// how many of those events took place there: most events first, then by name and id.
    ///
    /// Each event counts once, for its `location` entity (a merged-away id counts for the entity
    /// it was merged into); events without a location are left out, dated or not.
    public func places(_ query: EventQuery) throws(StoreQueryError) -> [PlaceCount] {
        var counts: [String: Int] = [:]
        try forEachMatch(of: query) { _, event in
            guard let location = event.location else { return }
            counts[state.redirects[location] ?? location, default: 0] += 1
        }
        return counts.map { id, events in
            let entity = state.entities[id]
            return PlaceCount(id: id, name: entity?.name ?? id, coordinates: entity?.coordinates, events: events)
        }
        .sorted { a, b in
            if a.events != b.events { return a.events > b.events }
            if a.name != b.name { return a.name < b.name }
            return a.id < b.id
        }
    }
}
