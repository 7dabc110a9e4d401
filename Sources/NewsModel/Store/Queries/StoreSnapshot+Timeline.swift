extension StoreSnapshot {
    /// How many events matching a query (its limit and cursor ignored) fall in each year,
    /// month or day, in key order.
    ///
    /// Each event counts once, in the bucket of its date's `value` cut to the granularity
    /// (`2024-06-13` counts in `2024-06` by month). An event whose date is coarser than the
    /// granularity is not spread or guessed into a finer bucket: it counts in a bucket of its
    /// own precision (`2024-06` when asked by day), which sorts just before that month's days
    /// and says its coarser `precision`. Undated events are left out.
    public func timeline(_ query: EventQuery, granularity: TimelineBucket.Granularity) throws(StoreQueryError) -> [TimelineBucket] {
        if let from = query.from, let to = query.to, from > to { throw .invalidDateRange(from: from, to: to) }
        var query = query
        query.cursor = nil
        var counts: [String: (EventDate.Precision, Int)] = [:]
        EventPlan(query, state: state).forEachMatch { key in
            guard key.isDated, let date = state.events[serial: key.serial]?.date else { return true }
            let (bucket, precision) = Self.bucket(of: date, granularity: granularity)
            counts[bucket, default: (precision, 0)].1 += 1
            return true
        }
        return counts.map { TimelineBucket(key: $0.key, precision: $0.value.0, count: $0.value.1) }.sorted { $0.key < $1.key }
    }

    static func bucket(of date: EventDate, granularity: TimelineBucket.Granularity) -> (String, EventDate.Precision) {
        let precision = min(rank(date.precision), rank(granularity))
        let length = [4, 7, 10][precision]
        let value = wellFormed(date) ? String(date.value.prefix(length)) : String(date.earliest.description.prefix(length))
        return (value, [.year, .month, .day][precision])
    }

    /// Whether the value reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as its precision says.
    private static func wellFormed(_ date: EventDate) -> Bool {
        let bytes = Array(date.value.utf8)
        guard bytes.count == [4, 7, 10][rank(date.precision)] else { return false }
        return bytes.indices.allSatisfy { i in i == 4 || i == 7 ? bytes[i] == UInt8(ascii: "-") : (48...57).contains(bytes[i]) }
    }

    private static func rank(_ precision: EventDate.Precision) -> Int {
        switch precision {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }

    private static func rank(_ granularity: TimelineBucket.Granularity) -> Int {
        switch granularity {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }
}
