/// How to answer an event query from the indexes: walk the smallest candidate list in date
/// order and test each key against the other filters (by binary search in their lists or a
/// look at the event's small metadata), never scanning every event unless no filter narrows it.
struct EventPlan {
    private let state: StoreState
    private let from: Int32?
    private let to: Int32?
    private let sort: EventQuery.Sort
    /// Candidate lists that every match is in; the driver is not among them.
    private var lists: [SortedChunks<SortKey>] = []
    private var terms: [SortedChunks<TextPosting<SortKey>>] = []
    private var types: Set<EventType> = []
    private var driver: Driver = .keys(SortedChunks())
    /// False when a filter names something with no events: nothing can match.
    private(set) var canMatch = true

    private enum Driver {
        case keys(SortedChunks<SortKey>)
        case terms(SortedChunks<TextPosting<SortKey>>)
    }

    /// A run of positions in the driver, walked forwards or backwards.
    private struct Segment {
        var positions: Range<Int>
        var reversed: Bool
        var dated: Bool
    }

    init(_ query: EventQuery, state: StoreState) {
        self.state = state
        from = query.from.map { Int32(clamping: $0.ordinal) }
        to = query.to.map { Int32(clamping: $0.ordinal) }
        sort = query.sort
        var lists: [SortedChunks<SortKey>] = []
        for id in Set(query.entities) {
            guard let list = state.eventsByEntity[state.redirects[id] ?? id] else {
                canMatch = false
                return
            }
            lists.append(list)
        }
        if let location = query.location {
            guard let list = state.eventsByLocation[state.redirects[location] ?? location] else {
                canMatch = false
                return
            }
            lists.append(list)
        }
        if let status = query.status {
            guard let list = state.eventsByStatus[status] else {
                canMatch = false
                return
            }
            lists.append(list)
        }
        var terms: [SortedChunks<TextPosting<SortKey>>] = []
        for term in Set(TextNormalizer.tokens(query.text ?? "")) {
            guard let list = state.eventText.postings(for: term) else {
                canMatch = false
                return
            }
            terms.append(list)
        }
        let typeLists = query.types.compactMap { state.eventsByType[$0] }
        if !query.types.isEmpty && typeLists.isEmpty {
            canMatch = false
            return
        }
        let typeCount = query.types.isEmpty ? Int.max : typeLists.reduce(0) { $0 + $1.count }

        let smallestList = lists.indices.min { lists[$0].count < lists[$1].count }
        let smallestTerm = terms.indices.min { terms[$0].count < terms[$1].count }
        let listCount = smallestList.map { lists[$0].count } ?? Int.max
        let termCount = smallestTerm.map { terms[$0].count } ?? Int.max
        types = query.types
        if let smallestList, listCount <= termCount, listCount <= typeCount {
            driver = .keys(lists.remove(at: smallestList))
        } else if let smallestTerm, termCount <= typeCount {
            driver = .terms(terms.remove(at: smallestTerm))
        } else if typeCount != Int.max {
            let merged = typeLists.count == 1 ? typeLists[0] : SortedChunks(sorted: typeLists.flatMap(\.elements).sorted())
            driver = .keys(merged)
            types = []
        } else {
            driver = .keys(state.eventsByDate)
        }
        self.lists = lists
        self.terms = terms
    }

    private var hasDateFilter: Bool { from != nil || to != nil }

    /// Whether a key from the driver passes every other filter.
    private func matches(_ key: SortKey) -> Bool {
        if hasDateFilter {
            guard key.isDated else { return false }
            // A key's day is its event's earliest, so only an event that starts before `from`
            // needs its metadata to tell whether it lasts into the range: the metadata of the
            // others, a read at random in a list of them all, is left alone.
            if let to, key.day > to { return false }
        }
        let startsBeforeRange = from.map { key.day < $0 } ?? false
        if startsBeforeRange || !types.isEmpty {
            let meta = state.eventMeta[Int(key.serial)]
            if let from, meta.latest < from { return false }
            if !types.isEmpty && !types.contains(meta.type) { return false }
        }
        for list in lists where !list.contains(key) { return false }
        for list in terms where !list.contains(key) { return false }
        return true
    }

    /// Whether the driver's dates are all that is filtered: then a key in its date range
    /// matches, unless its event starts before `from` and may end before it too.
    private var filtersOnlyByDate: Bool {
        lists.isEmpty && terms.isEmpty && types.isEmpty
    }

    private func segments<E: KeyedElement>(_ list: SortedChunks<E>, after cursor: SortKey?) -> [Segment] where E.Key == SortKey {
        let undatedStart = list.lowerBound(SortKey(day: SortKey.undated, serial: 0))
        var result: [Segment]
        if hasDateFilter {
            let low = from.map { list.lowerBound(SortKey(day: $0 &- state.maxEventSpan, serial: 0)) } ?? 0
            let high = to.map { list.lowerBound(SortKey(day: $0 &+ 1, serial: 0)) } ?? undatedStart
            result = [Segment(positions: low..<max(low, high), reversed: sort == .dateDescending, dated: true)]
        } else if sort == .dateAscending {
            result = [Segment(positions: 0..<list.count, reversed: false, dated: true)]
        } else {
            result = [
                Segment(positions: 0..<undatedStart, reversed: true, dated: true),
                Segment(positions: undatedStart..<list.count, reversed: true, dated: false),
            ]
        }
        guard let cursor else { return result }
        let bound = list.lowerBound(cursor)
        if sort == .dateAscending {
            let next = bound < list.count && list[bound].key == cursor ? bound + 1 : bound
            return result.map {
                Segment(
                    positions: max($0.positions.lowerBound, next)..<max($0.positions.upperBound, next), reversed: false, dated: $0.dated)
            }
        }
        return result.compactMap { segment in
            if segment.dated && !cursor.isDated { return nil }
            if !segment.dated && cursor.isDated { return segment }
            let upper = min(segment.positions.upperBound, bound)
            return Segment(
                positions: segment.positions.lowerBound..<max(segment.positions.lowerBound, upper), reversed: true, dated: segment.dated)
        }
    }

    /// Visits the matching keys in query order, after `cursor` when given, until `body`
    /// returns false.
    func forEachMatch(after cursor: SortKey? = nil, _ body: (SortKey) -> Bool) {
        guard canMatch else { return }
        switch driver {
        case .keys(let list): walk(list, after: cursor, body)
        case .terms(let list): walk(list, after: cursor, body)
        }
    }

    private func walk<E: KeyedElement>(_ list: SortedChunks<E>, after cursor: SortKey?, _ body: (SortKey) -> Bool) where E.Key == SortKey {
        for segment in segments(list, after: cursor) {
            let finished = list.visit(segment.positions, reversed: segment.reversed) { element in
                matches(element.key) ? body(element.key) : true
            }
            if !finished { return }
        }
    }

    /// How many events match.
    var count: Int {
        guard canMatch else { return 0 }
        switch driver {
        case .keys(let list): return count(list)
        case .terms(let list): return count(list)
        }
    }

    private func count<E: KeyedElement>(_ list: SortedChunks<E>) -> Int where E.Key == SortKey {
        // The keys from here on match without a test, and are counted by their positions: with
        // the dates the only filter, those from `from`'s day (every key, without `from`).
        let matchedFrom = filtersOnlyByDate ? from.map { list.lowerBound(SortKey(day: $0, serial: 0)) } ?? 0 : Int.max
        var total = 0
        for segment in segments(list, after: nil) {
            let positions = segment.positions
            let split = min(max(matchedFrom, positions.lowerBound), positions.upperBound)
            total += positions.upperBound - split
            list.visit(positions.lowerBound..<split) { element in
                if matches(element.key) { total += 1 }
                return true
            }
        }
        return total
    }
}
