import Testing

@testable import NewsModel

@Suite struct StoreSnapshotEventsTests {
    private let store = makeStore(
        entities: [.make("putin"), .make("abbas"), .make("moscow", type: .location)],
        events: [
            .make(
                "june", type: .consult, summary: "Talks in Moscow", date: .month("2024-06"), location: "moscow",
                participants: ["putin", "abbas"], sources: [.make("a1", quote: "Putin hosted Abbas in Moscow.")]),
            .make("aug13", type: .statement, date: .on("2024-08-13"), status: .occurred, participants: ["putin"]),
            .make("aug01", type: .aid, date: .on("2024-08-01"), status: .scheduled, participants: ["abbas"]),
            .make("undated", type: .consult, participants: ["putin", "abbas"]),
            .make("y2023", type: .fight, date: .year(2023), participants: ["putin"]),
        ])

    private func ids(_ query: EventQuery) throws -> [String] {
        try store.snapshot.events(query).items.map(\.id)
    }

    @Test func dateRangeOverlapsCoarseDates() throws {
        #expect(try ids(EventQuery(from: .of("2024-06-20"))) == ["june", "aug01", "aug13"])
        #expect(try ids(EventQuery(to: .of("2024-06-01"))) == ["y2023", "june"])
        #expect(try ids(EventQuery(from: .of("2023-12-31"), to: .of("2024-01-05"))) == ["y2023"])
        #expect(try ids(EventQuery(from: .of("2024-07-01"), to: .of("2024-07-31"))) == [])
    }

    @Test func undatedSortLastBothWays() throws {
        #expect(try ids(EventQuery()) == ["y2023", "june", "aug01", "aug13", "undated"])
        #expect(try ids(EventQuery(sort: .dateDescending)) == ["aug13", "aug01", "june", "y2023", "undated"])
    }

    @Test(arguments: [
        (EventQuery(types: [.consult]), ["june", "undated"]),
        (EventQuery(types: [.aid, .statement]), ["aug01", "aug13"]),
        (EventQuery(entities: ["putin", "abbas"]), ["june", "undated"]),
        (EventQuery(entities: ["moscow"]), ["june"]),
        (EventQuery(entities: ["putin", "nobody"]), []),
        (EventQuery(location: "moscow"), ["june"]),
        (EventQuery(status: .scheduled), ["aug01"]),
        (EventQuery(text: "hosted ABBAS"), ["june"]),
        (EventQuery(text: "talks"), ["june"]),
        (EventQuery(text: "hosted nowhere"), []),
        (EventQuery(from: .of("2024-01-01"), types: [.consult, .statement], entities: ["putin"]), ["june", "aug13"]),
    ])
    func filters(_ query: EventQuery, expected: [String]) throws {
        let page = try store.snapshot.events(query)
        #expect(page.items.map(\.id) == expected)
        #expect(page.total == expected.count)
    }

    @Test func pagesCoverEverythingOnce() throws {
        for sort in EventQuery.Sort.allCases {
            var seen: [String] = []
            var query = EventQuery(sort: sort, limit: 2)
            repeat {
                let page = try store.snapshot.events(query)
                #expect(page.total == 5)
                seen += page.items.map(\.id)
                query.cursor = page.next
            } while query.cursor != nil
            #expect(seen == (try ids(EventQuery(sort: sort))))
        }
    }

    @Test func cursorSurvivesInsertsAndDeletes() throws {
        let store = makeStore(events: (1...6).map { .make("e\($0)", date: .on("2024-01-0\($0)")) })
        let first = try store.snapshot.events(EventQuery(limit: 3))
        #expect(first.items.map(\.id) == ["e1", "e2", "e3"])
        store.upsert(Event.make("e0", date: .on("2023-12-31")))
        store.deleteEvent(id: "e3")
        let second = try store.snapshot.events(EventQuery(limit: 3, cursor: first.next))
        #expect(second.items.map(\.id) == ["e4", "e5", "e6"])
        #expect(second.next == nil)
    }

    @Test func cursorIsTiedToFilters() throws {
        let page = try store.snapshot.events(EventQuery(entities: ["putin"], limit: 1))
        let next = try #require(page.next)
        #expect(throws: StoreQueryError.cursorMismatch) { try store.snapshot.events(EventQuery(entities: ["abbas"], cursor: next)) }
        #expect(throws: StoreQueryError.cursorMismatch) {
            try store.snapshot.events(EventQuery(entities: ["putin"], sort: .dateDescending, cursor: next))
        }
        #expect(try store.snapshot.events(EventQuery(entities: ["putin"], limit: 10, cursor: next)).items.count == 3)
        #expect(throws: StoreQueryError.malformedCursor("not base64url")) { try store.snapshot.events(EventQuery(cursor: "%%")) }
    }

    @Test func refusesBadLimitsAndRanges() {
        #expect(throws: StoreQueryError.invalidLimit(0)) { try store.snapshot.events(EventQuery(limit: 0)) }
        #expect(throws: StoreQueryError.invalidLimit(1001)) { try store.snapshot.events(EventQuery(limit: 1001)) }
        #expect(throws: StoreQueryError.invalidDateRange(from: .of("2024-02-01"), to: .of("2024-01-01"))) {
            try store.snapshot.events(EventQuery(from: .of("2024-02-01"), to: .of("2024-01-01")))
        }
    }

    @Test func relatedListsFollowDateOrder() {
        #expect(store.snapshot.events(forEntity: "abbas").map(\.id) == ["june", "aug01", "undated"])
        #expect(store.snapshot.events(forArticle: "a1").map(\.id) == ["june"])
    }

    /// Random queries against a plain filter-and-sort over every event.
    @Test func agreesWithABruteForceScan() throws {
        var random = SplitMix(seed: 7)
        let entityIds = (0..<12).map { "n\($0)" }
        let words = ["alpha", "beta", "gamma", "delta"]
        var events: [Event] = []
        for index in 0..<400 {
            let base = Day.of("2020-01-01").adding(days: random.next(1_500))
            let date: EventDate? =
                switch random.next(4) {
                case 0: nil
                case 1: .year(base.year)
                case 2: .month("\(base.year)-\(base.month < 10 ? "0" : "")\(base.month)")
                default: .day(base, phrase: "")
                }
            events.append(
                .make(
                    "e\(index)", type: [.consult, .aid, .fight][random.next(3)], summary: words[random.next(4)],
                    date: date, status: [.occurred, .scheduled][random.next(2)],
                    location: random.next(3) == 0 ? entityIds[random.next(12)] : nil,
                    participants: (0...random.next(3)).map { _ in entityIds[random.next(12)] }))
        }
        let store = makeStore(events: events)
        func rank(_ event: Event) -> (Int, Int) {
            (event.date.map { $0.earliest.ordinal } ?? Int.max, Int(event.id.dropFirst())!)
        }
        for _ in 0..<300 {
            var query = EventQuery(limit: 1 + random.next(40))
            if random.next(2) == 0 { query.from = Day.of("2020-01-01").adding(days: random.next(1_500)) }
            if random.next(2) == 0 { query.to = (query.from ?? .of("2020-01-01")).adding(days: random.next(600)) }
            if random.next(3) == 0 { query.types = [[.consult, .aid, .fight][random.next(3)], .consult] }
            if random.next(2) == 0 { query.entities = (0...random.next(2)).map { _ in entityIds[random.next(12)] } }
            if random.next(5) == 0 { query.location = entityIds[random.next(12)] }
            if random.next(4) == 0 { query.status = .scheduled }
            if random.next(4) == 0 { query.text = words[random.next(4)] }
            if random.next(2) == 0 { query.sort = .dateDescending }
            let expected = events.filter { event in
                if query.from != nil || query.to != nil {
                    guard let date = event.date, date.overlaps(from: query.from, to: query.to) else { return false }
                }
                if !query.types.isEmpty && !query.types.contains(event.type) { return false }
                let ids = Set(event.participants.map(\.entityId) + [event.location].compactMap { $0 })
                if !query.entities.allSatisfy(ids.contains) { return false }
                if let location = query.location, event.location != location { return false }
                if let status = query.status, event.status != status { return false }
                if let text = query.text, event.summary != text { return false }
                return true
            }.sorted { a, b in
                let (ra, rb) = (rank(a), rank(b))
                if query.sort == .dateAscending || (ra.0 == Int.max) != (rb.0 == Int.max) {
                    return ra.0 == Int.max && rb.0 == Int.max ? ra.1 < rb.1 : ra < rb
                }
                return ra.0 == Int.max ? ra.1 > rb.1 : ra > rb
            }.map(\.id)
            var got: [String] = []
            repeat {
                let page = try store.snapshot.events(query)
                #expect(page.total == expected.count)
                got += page.items.map(\.id)
                query.cursor = page.next
            } while query.cursor != nil
            #expect(got == expected, "\(query)")
        }
    }
}

/// A small seeded generator so random tests repeat.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
