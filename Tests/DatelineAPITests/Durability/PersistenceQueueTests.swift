import Foundation
import HTTPServer
import Hashing
import Locking
import NewsModel
import Testing

@testable import DatelineAPI

/// New events that the flusher stages itself (`Persistence+Queue.swift`).
@Suite("Queued events")
struct PersistenceQueueTests {
    static let base = "2024-08-13-consult-writer-1"

    /// An event with the id `submit(newEvent:)` gives it still to come.
    static func event(_ seed: UInt64) -> Event {
        var random = SplitMix64(seed: seed)
        return EventJSONSelfWritingTests.event(&random)
    }

    /// Fails unless the store holds the entity `writer-1`.
    static let needsWriter: @Sendable (Event, StoreSnapshot) throws -> Void = { _, snapshot in
        if snapshot.entity("writer-1") == nil { throw HTTPError(.unprocessableContent, detail: "no writer-1") }
    }

    @Test func concurrentEventsOnOneBaseTakeDistinctIdsAndShareFlushes() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try PersistenceTests.persistence(in: directory)
        let writers = 64
        let each = 4
        let written = Locked<[String]>([])
        let failures = Locked(0)
        let submitted = ConditionLocked(0)
        PersistenceTests.onThreads(writers) { writer in
            let events = (0..<each).compactMap { round in
                try? persistence.submit(newEvent: Self.event(UInt64(writer * each + round)), idBase: Self.base, checking: { _, _ in })
            }
            // Every writer submits before any is queued, so that flushes find many queued at once
            // however slowly the writers run (under a sanitizer, say).
            submitted.update { $0 += 1 }
            submitted.wait { $0 == writers ? .done(()) : .wait(atMost: nil) }
            let told = DispatchGroup()
            for (event, json, durable) in events {
                #expect(json == (try? CompactJSONEncoder().encode(event)))
                told.enter()
                durable.whenOpen { error in
                    if error != nil { failures.withLock { $0 += 1 } }
                    written.withLock { $0.append(event.id) }
                    told.leave()
                }
            }
            told.wait()
            // Acknowledged means readers see the event (read here, not on the flusher that told).
            for (event, _, _) in events where persistence.store.snapshot.event(event.id) == nil { failures.withLock { $0 += 1 } }
        }
        #expect(failures.withLock { $0 } == 0)
        let ids = written.withLock { $0 }
        let writes = writers * each
        #expect(Set(ids).count == writes, "every event took an id of its own")
        #expect(ids.contains(Self.base) && ids.contains("\(Self.base)-\(writes)"))
        #expect(persistence.flushCount * 4 <= writes, "\(persistence.flushCount) flushes for \(writes) writes")
        let reopened = try PersistenceTests.persistence(in: directory)
        #expect(reopened.store.snapshot.eventCount == writes)
    }

    @Test func anIdIsNotHandedOutTwiceBeforeReadersSeeIt() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try PersistenceTests.persistence(in: directory)
        let first = try persistence.submit(newEvent: Self.event(1), idBase: Self.base, checking: { _, _ in })
        let second = try persistence.submit(newEvent: Self.event(2), idBase: Self.base, checking: { _, _ in })
        #expect([first.event.id, second.event.id] == [Self.base, Self.base + "-2"])
        try second.durable.waitUntilOpen()
        try first.durable.waitUntilOpen()
        #expect(persistence.store.snapshot.event(Self.base) == first.event)
        #expect(persistence.store.snapshot.event(Self.base + "-2") == second.event)
    }

    @Test func anEventWhoseIdWasTakenMeanwhileIsAnsweredAgain() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try PersistenceTests.persistence(in: directory)
        let queued = try persistence.submit(newEvent: Self.event(1), idBase: Self.base, checking: { _, _ in })
        // Another writer, deciding under the writers' lock, takes the same id first.
        var other = Self.event(2)
        other.id = queued.event.id
        try persistence.submit(event: { [other] _ in other }).durable.waitUntilOpen()
        #expect(throws: AnswerAgain.self) { try queued.durable.waitUntilOpen() }
        #expect(persistence.store.snapshot.event(queued.event.id) == other, "the first write stands")
        let again = try persistence.submit(newEvent: Self.event(1), idBase: Self.base, checking: { _, _ in })
        #expect(again.event.id == Self.base + "-2")
        try again.durable.waitUntilOpen()
    }

    @Test func anEventThatNoLongerPassesItsCheckFailsWithItsErrorAndItsIdIsLetGo() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try PersistenceTests.persistence(in: directory)
        try persistence.commit([PersistenceTests.entity(1)])
        // A reader has looked: the handler checks the event on a snapshot that holds the writer.
        #expect(persistence.store.snapshot.entity("writer-1") != nil)
        let queued = try persistence.submit(newEvent: Self.event(1), idBase: Self.base, checking: Self.needsWriter)
        try persistence.commit([.deleteEntity(id: "writer-1")])
        #expect(throws: HTTPError.self) { try queued.durable.waitUntilOpen() }
        #expect(persistence.store.snapshot.event(queued.event.id) == nil)
        // Posted again, it fails its check at once; the id it held is free again.
        #expect(throws: HTTPError.self) {
            try persistence.submit(newEvent: Self.event(1), idBase: Self.base, checking: Self.needsWriter)
        }
        let free = try persistence.submit(newEvent: Self.event(3), idBase: Self.base, checking: { _, _ in })
        #expect(free.event.id == Self.base)
        try free.durable.waitUntilOpen()
    }

    @Test func anEventThatFailsItsCheckOnWhatReadersSeeIsDecidedOnTheLatestState() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try PersistenceTests.persistence(in: directory)
        // Staged, not yet durable: readers do not see the entity, writers do.
        let entity = try persistence.stage([PersistenceTests.entity(1)])
        let written = try persistence.submit(newEvent: Self.event(1), idBase: Self.base, checking: Self.needsWriter)
        try written.durable.waitUntilOpen()
        try persistence.waitUntilDurable(entity)
        #expect(persistence.store.snapshot.event(Self.base) == written.event)
        #expect(persistence.store.snapshot.version == entity.version + 1)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func eventsQueuedAfterAFailedFlushAreToldSo() throws {
        let directory = PersistenceTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try PersistenceTests.persistence(in: directory)
        // Every write to /dev/full fails with ENOSPC.
        let full = directory + "/full"
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: "/dev/full")
        persistence.attach(try Journal(path: full, count: 0))
        for seed: UInt64 in 1...3 {
            let queued = try persistence.submit(newEvent: Self.event(seed), idBase: Self.base, checking: { _, _ in })
            let told = DispatchSemaphore(value: 0)
            let failure = Locked<(any Error)?>(nil)
            queued.durable.whenOpen { error in
                failure.withLock { $0 = error }
                told.signal()
            }
            #expect(told.wait(timeout: .now() + 30) == .success, "write \(seed) was answered")
            #expect(failure.withLock { $0 } is DurabilityError)
        }
        #expect(persistence.store.snapshot.eventCount == 0)
    }
}
