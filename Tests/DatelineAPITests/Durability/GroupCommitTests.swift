import Locking
import Testing

@testable import DatelineAPI

@Suite("Group commit")
struct GroupCommitTests {
    struct Broken: Error {}

    /// Callbacks that record what they were told, in order.
    final class Outcomes: Sendable {
        private let told = Locked<[(name: String, failed: Bool)]>([])

        func callback(_ name: String) -> GroupCommit<Int>.Callback {
            { [self] error in told.withLock { $0.append((name, error != nil)) } }
        }

        var names: [String] { told.withLock { $0.map(\.name) } }
        var failures: [String] { told.withLock { $0.filter(\.failed).map(\.name) } }
    }

    @Test func aFlushCoversEverythingAppendedBeforeItAndTellsItsWaiters() throws {
        var commits = GroupCommit<Int>()
        let outcomes = Outcomes()
        let first = try commits.append(1)
        let second = try commits.append(2)
        #expect((first, second) == (1, 2))
        for (sequence, name) in [(first, "first"), (second, "second")] {
            guard case .waiting = commits.wait(for: sequence, outcomes.callback(name)) else {
                Issue.record("\(name) is kept until a flush covers it")
                return
            }
        }
        #expect(outcomes.names.isEmpty)
        let taken = commits.nextBatch()
        let batch = try #require(taken)
        #expect(batch.items == [1, 2])
        #expect(batch.last == 2)
        for callback in commits.flushed(batch) { callback(nil) }
        #expect(Set(outcomes.names) == ["first", "second"])
        #expect(commits.durable == 2)
        #expect(commits.flushes == 1)
        let left = commits.nextBatch()
        #expect(left == nil, "nothing is left")
        guard case .durable = commits.wait(for: second, outcomes.callback("late")) else {
            Issue.record("the flush covered the second item")
            return
        }
    }

    @Test func itemsAppendedDuringAFlushGoInTheNextBatchInOrder() throws {
        var commits = GroupCommit<Int>()
        let outcomes = Outcomes()
        let first = try commits.append(1)
        _ = commits.wait(for: first, outcomes.callback("1"))
        let taken = commits.nextBatch()
        let batch = try #require(taken)
        for item in 2...4 {
            let sequence = try commits.append(item)
            guard case .waiting = commits.wait(for: sequence, outcomes.callback("\(item)")) else {
                Issue.record("a later item waits for a later flush")
                return
            }
        }
        #expect(batch.items == [1])
        for callback in commits.flushed(batch) { callback(nil) }
        #expect(outcomes.names == ["1"], "the flush covered none of the later items")
        #expect(commits.unflushed == [2, 3, 4])
        let following = commits.nextBatch()
        let next = try #require(following)
        #expect(next.items == [2, 3, 4])
        for callback in commits.flushed(next) { callback(nil) }
        #expect(outcomes.names.sorted() == ["1", "2", "3", "4"])
        #expect(commits.durable == 4)
        #expect(commits.flushes == 2)
    }

    @Test func aFailedFlushFailsEveryWaiterAndEveryLaterWrite() throws {
        var commits = GroupCommit<Int>()
        let outcomes = Outcomes()
        let first = try commits.append(1)
        _ = commits.wait(for: first, outcomes.callback("first"))
        let taken = commits.nextBatch()
        #expect(taken != nil)
        let second = try commits.append(2)
        _ = commits.wait(for: second, outcomes.callback("second"))
        for callback in commits.failed(Broken()) { callback(Broken()) }
        #expect(Set(outcomes.failures) == ["first", "second"])
        for sequence in [first, second] {
            guard case .failed(let error) = commits.wait(for: sequence, outcomes.callback("again")) else {
                Issue.record("item \(sequence) fails with the flush")
                return
            }
            #expect(error is Broken)
        }
        #expect(commits.durable == 0)
        let more = commits.nextBatch()
        #expect(more == nil, "nothing more is flushed")
        #expect(throws: Broken.self) { try commits.append(3) }
    }

    @Test func itemsChangeUntilAFlushTakesThem() throws {
        var commits = GroupCommit<Int>()
        for item in 1...3 { _ = try commits.append(item) }
        _ = commits.wait(for: 3, { _ in })
        commits.update(2) { $0 = 20 }
        let taken = commits.nextBatch()
        let batch = try #require(taken)
        #expect(batch.items == [1, 20, 3])
        _ = try commits.append(4)
        commits.update(3) { $0 = 30 }
        commits.update(4) { $0 = 40 }
        commits.update(5) { $0 = 50 }
        #expect(commits.unflushed == [1, 20, 3, 40], "the flush in flight has taken the first three; 5 is no item")
        _ = commits.flushed(batch)
        commits.update(3) { $0 = 30 }
        #expect(commits.unflushed == [40], "item 3 is durable")
    }
}
