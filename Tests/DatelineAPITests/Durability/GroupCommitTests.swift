import Dispatch
import Testing

@testable import DatelineAPI

@Suite("Group commit")
struct GroupCommitTests {
    struct Broken: Error {}

    @Test func aLeaderFlushesEverythingAppendedBeforeIt() throws {
        var commits = GroupCommit<String>()
        let first = try commits.append("a")
        let second = try commits.append("b")
        #expect((first, second) == (1, 2))
        guard case .lead(let batch) = commits.step(for: first, wake: DispatchSemaphore(value: 0)) else {
            Issue.record("the first waiter leads")
            return
        }
        #expect(batch.items == ["a", "b"])
        #expect(batch.last == 2)
        #expect(commits.flushed(batch).isEmpty)
        #expect(commits.release() == nil)
        #expect(commits.durable == 2)
        #expect(commits.flushes == 1)
        guard case .durable = commits.step(for: second, wake: DispatchSemaphore(value: 0)) else {
            Issue.record("the first flush covered the second item")
            return
        }
    }

    @Test func itemsAppendedDuringAFlushWaitForTheNextInOrder() throws {
        var commits = GroupCommit<Int>()
        let first = try commits.append(1)
        guard case .lead(let batch) = commits.step(for: first, wake: DispatchSemaphore(value: 0)) else {
            Issue.record("the first waiter leads")
            return
        }
        let later = (2...4).map { _ in DispatchSemaphore(value: 0) }
        var sequences: [UInt64] = []
        for (offset, wake) in later.enumerated() {
            let sequence = try commits.append(offset + 2)
            sequences.append(sequence)
            guard case .sleep = commits.step(for: sequence, wake: wake) else {
                Issue.record("a waiter sleeps while another leads")
                return
            }
        }
        #expect(batch.items == [1])
        #expect(commits.flushed(batch).isEmpty, "the flush covered none of the later items")
        #expect(commits.unflushed == [2, 3, 4])
        // The first sleeper is woken to lead; it flushes the rest in one go.
        #expect(commits.release() === later[0])
        guard case .lead(let next) = commits.step(for: sequences[0], wake: later[0]) else {
            Issue.record("the woken sleeper leads")
            return
        }
        #expect(next.items == [2, 3, 4])
        let woken = commits.flushed(next)
        #expect(woken.count == 2 && woken.allSatisfy { $0 === later[1] || $0 === later[2] })
        #expect(commits.release() == nil)
        #expect(commits.durable == 4)
        #expect(commits.flushes == 2)
    }

    @Test func aFailedFlushFailsEveryWaiterAndEveryLaterWrite() throws {
        var commits = GroupCommit<Int>()
        let first = try commits.append(1)
        guard case .lead = commits.step(for: first, wake: DispatchSemaphore(value: 0)) else {
            Issue.record("the first waiter leads")
            return
        }
        let sleeper = DispatchSemaphore(value: 0)
        let second = try commits.append(2)
        guard case .sleep = commits.step(for: second, wake: sleeper) else {
            Issue.record("a waiter sleeps while another leads")
            return
        }
        let woken = commits.failed(Broken())
        #expect(woken.count == 1 && woken[0] === sleeper)
        #expect(commits.release() == nil)
        for sequence in [first, second] {
            guard case .failed(let error) = commits.step(for: sequence, wake: DispatchSemaphore(value: 0)) else {
                Issue.record("item \(sequence) fails with the flush")
                return
            }
            #expect(error is Broken)
        }
        #expect(commits.durable == 0)
        #expect(throws: Broken.self) { try commits.append(3) }
    }

    @Test func askingForTheLeadWaitsForTheLeaderAndGetsAnEmptyBatch() throws {
        var commits = GroupCommit<Int>()
        let first = try commits.append(1)
        guard case .lead(let batch) = commits.step(for: first, wake: DispatchSemaphore(value: 0)) else {
            Issue.record("the first waiter leads")
            return
        }
        let compactor = DispatchSemaphore(value: 0)
        guard case .sleep = commits.step(for: .max, wake: compactor) else {
            Issue.record("the lead is taken")
            return
        }
        #expect(commits.flushed(batch).isEmpty)
        #expect(commits.release() === compactor)
        guard case .lead(let empty) = commits.step(for: .max, wake: compactor) else {
            Issue.record("the compactor leads once the lead is free")
            return
        }
        #expect(empty.items.isEmpty)
        #expect(commits.flushed(empty).isEmpty)
        #expect(commits.flushes == 1, "an empty batch is no flush")
    }
}
