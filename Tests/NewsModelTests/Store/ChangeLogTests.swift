import Testing

@testable import NewsModel

@Suite struct ChangeLogTests {
    private func records(_ version: UInt64, _ count: Int) -> [ChangeRecord] {
        (0..<count).map { ChangeRecord(version: version, kind: .event, id: "e\(version)-\($0)", op: .created) }
    }

    @Test func returnsWhatFollowsAVersion() {
        var log = ChangeLog(capacity: 10)
        log.append(records(1, 2))
        log.append(records(2, 1))
        #expect(log.records(since: 0)?.count == 3)
        #expect(log.records(since: 1)?.map(\.id) == ["e2-0"])
        #expect(log.records(since: 2) == [])
    }

    @Test func refusesAVersionThatFellOut() {
        var log = ChangeLog(capacity: 3)
        log.append(records(1, 2))
        log.append(records(2, 2))
        // One record of version 1 was dropped: asking from 0 would miss it.
        #expect(log.records(since: 0) == nil)
        #expect(log.records(since: 1)?.count == 2)
        log.append(records(3, 3))
        #expect(log.records(since: 1) == nil)
        #expect(log.records(since: 2)?.count == 3)
    }
}
