import Locking
import Testing

@testable import DatelineAPI

@Suite("Group commit")
struct GroupCommitTests {
    struct Broken: Error {}

    /// Callbacks that record what they were told, in order.
    final class Outcomes: Sendable {
        private let told = Locked<[(name: String, failed: Bool)]>([])

        func callback(_ name: String) -> CommitTicket.Callback {
            { [self] error in told.withLock { $0.append((name, error != nil)) } }
        }

        var names: [String] { told.withLock { $0.map(\.name) } }
        var failures: [String] { told.withLock { $0.filter(\.failed).map(\.name) } }
    }

    @Test func theFirstAppendStartsTheFlusherWhichFlushesEverythingAppended() throws {
        var commits = GroupCommit<Int>()
        let outcomes = Outcomes()
        #expect(commits.lastTicket == nil, "nothing waits to be durable")
        let (first, starts) = try commits.append(1)
        #expect(starts, "no flusher was at work")
        let (second, startsAgain) = try commits.append(2)
        #expect(!startsAgain, "a flusher is at work already")
        #expect(commits.lastTicket === second)
        first.whenSettled(outcomes.callback("first"))
        second.whenSettled(outcomes.callback("second"))
        let taken = commits.nextBatch()
        let batch = try #require(taken)
        #expect(batch.items == [1, 2])
        #expect(batch.tickets.map(ObjectIdentifier.init) == [first, second].map(ObjectIdentifier.init))
        #expect(batch.last == 2)
        commits.flushed(batch)
        #expect(outcomes.names.isEmpty, "the caller settles the tickets")
        for ticket in batch.tickets { ticket.settle(nil) }
        #expect(outcomes.names == ["first", "second"])
        #expect(commits.durable == 2)
        #expect(commits.flushes == 1)
        #expect(commits.lastTicket == nil)
        let left = commits.nextBatch()
        #expect(left == nil, "nothing is left")
        #expect(!commits.flushing, "the flusher stops")
        second.whenSettled(outcomes.callback("late"))
        #expect(outcomes.names == ["first", "second", "late"], "a settled ticket answers at once")
        #expect(try commits.append(3).startFlusher, "the next append starts a flusher again")
    }

    @Test func itemsAppendedDuringAFlushGoInTheNextBatchInOrder() throws {
        var commits = GroupCommit<Int>()
        let outcomes = Outcomes()
        try commits.append(1).ticket.whenSettled(outcomes.callback("1"))
        let taken = commits.nextBatch()
        let batch = try #require(taken)
        for item in 2...4 {
            let (ticket, starts) = try commits.append(item)
            #expect(!starts, "the flusher at work takes the later items too")
            ticket.whenSettled(outcomes.callback("\(item)"))
        }
        #expect(batch.items == [1])
        commits.flushed(batch)
        for ticket in batch.tickets { ticket.settle(nil) }
        #expect(outcomes.names == ["1"], "the flush covered none of the later items")
        #expect(commits.unflushed == [2, 3, 4])
        let following = commits.nextBatch()
        let next = try #require(following)
        #expect(next.items == [2, 3, 4])
        commits.flushed(next)
        for ticket in next.tickets { ticket.settle(nil) }
        #expect(outcomes.names == ["1", "2", "3", "4"])
        #expect(commits.durable == 4)
        #expect(commits.flushes == 2)
    }

    @Test func aFailedFlushFailsEveryItemNotYetDurableAndEveryLaterAppend() throws {
        var commits = GroupCommit<Int>()
        let outcomes = Outcomes()
        try commits.append(1).ticket.whenSettled(outcomes.callback("first"))
        let taken = commits.nextBatch()
        #expect(taken != nil)
        let (second, _) = try commits.append(2)
        second.whenSettled(outcomes.callback("second"))
        let failed = commits.failed(Broken())
        #expect(failed.count == 2, "the flush in flight and the item after it")
        for ticket in failed { ticket.settle(Broken()) }
        #expect(outcomes.failures == ["first", "second"])
        second.whenSettled(outcomes.callback("again"))
        #expect(outcomes.failures == ["first", "second", "again"], "a failed ticket fails at once")
        #expect(commits.durable == 0)
        let more = commits.nextBatch()
        #expect(more == nil, "nothing more is flushed")
        #expect(throws: Broken.self) { try commits.append(3) }
    }
}
