extension StoreSnapshot {
    /// How many events matching a query (its limit and cursor ignored) fall in each year,
    /// month or day, in key order.
    ///
    /// Each event counts once, in the bucket of its date's `value` cut to the granularity
    /// (`2024-06-13` counts in `2024-06` by month). An event whose date is coarser than the
    /// granularity is not spread or guessed into a finer bucket: it counts in a bucket of its
    /// own precision (`2024-06` when asked by day), which sorts just before that month's days
    /// and says its coarser `precision`. A week or a quarter counts in the finest month or year
    /// that holds all its days; a decade, or a week across New Year, in a bucket of its own
    /// (`199` sorts before `1990`, `2025-W01` after `2025`'s months). Undated events are left out.
    public func timeline(_ query: EventQuery, granularity: TimelineBucket.Granularity) throws(StoreQueryError) -> [TimelineBucket] {
        var counts: [String: (EventDate.Precision, Int)] = [:]
        try forEachMatch(of: query) { key, event in
            guard key.isDated, let date = event.date else { return }
            let (bucket, precision) = Self.bucket(of: date, granularity: granularity)
            counts[bucket, default: (precision, 0)].1 += 1
        }
        return counts.map { TimelineBucket(key: $0.key, precision: $0.value.0, count: $0.value.1) }.sorted { $0.key < $1.key }
    }

    static func bucket(of date: EventDate, granularity: TimelineBucket.Granularity) -> (String, EventDate.Precision) {
        guard let (shape, days) = EventDate.parse(date.value), shape == date.precision else {
            // A value that does not read as its precision: the first day's bucket.
            let level = min(min(date.precision.rank, EventDate.Precision.day.rank), rank(granularity))
            return bucket(of: date.earliest...date.earliest, finest: level) ?? (String(date.earliest.year), .year)
        }
        return bucket(of: days, finest: rank(granularity)) ?? (date.value, date.precision)
    }

    /// The key of the finest year, month or day, no finer than `finest` (a precision rank),
    /// that holds every day of `days`; nil when no year does (a decade).
    private static func bucket(of days: ClosedRange<Day>, finest: Int) -> (String, EventDate.Precision)? {
        let levels: [(Int, EventDate.Precision)] = [(10, .day), (7, .month), (4, .year)]
        for (length, precision) in levels where precision.rank <= finest {
            let first = days.lowerBound.description.prefix(length)
            if first == days.upperBound.description.prefix(length) { return (String(first), precision) }
        }
        return nil
    }

    private static func rank(_ granularity: TimelineBucket.Granularity) -> Int {
        switch granularity {
        case .year: EventDate.Precision.year.rank
        case .month: EventDate.Precision.month.rank
        case .day: EventDate.Precision.day.rank
        }
    }
}
