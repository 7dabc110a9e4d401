import Foundation
import HTTPServer
import Hashing
import Locking
import Logging
import NewsModel
import Testing

@testable import DatelineAPI

@Suite("Persistence")
struct PersistenceTests {
    static func entity(_ number: Int) -> StoreChange {
        .upsertEntity(Entity(id: "writer-\(number)", name: "Writer \(number)", type: .organization))
    }

    static func persistence(in directory: String, compactAfter: Int = 10_000, commitDelay: Double = 0) throws -> Persistence {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let persistence = Persistence(
            store: NewsStore(), feed: ChangeFeed(heartbeatInterval: 60), directory: directory, compactAfter: compactAfter,
            commitDelay: commitDelay, logger: logger)
        try persistence.open(seed: {})
        return persistence
    }

    static func temporaryDirectory() -> String {
        NSTemporaryDirectory() + "dateline-persistence-\(UUID().uuidString)"
    }

    /// Runs `body` on `count` threads of their own at once (a pool would run them a few at a time).
    static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                body(index)
                group.leave()
            }
        }
        group.wait()
    }

    @Test func concurrentWritersShareFlushes() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        let writers = 64
        let each = 8
        let failures = Locked(0)
        Self.onThreads(writers) { writer in
            for round in 0..<each {
                do {
                    let made = try persistence.commit([Self.entity(writer * each + round)])
                    // Acknowledged means published: readers see the write.
                    if persistence.store.snapshot.version < made { failures.withLock { $0 += 1 } }
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let writes = writers * each
        #expect(persistence.stagedCount == UInt64(writes))
        #expect(persistence.store.snapshot.entityCount == writes)
        let flushes = persistence.flushCount
        #expect(flushes >= 1)
        #expect(flushes * 4 <= writes, "\(flushes) flushes for \(writes) writes")

        let reopened = try Self.persistence(in: directory)
        #expect(reopened.store.snapshot.entityCount == writes)
        #expect(reopened.store.snapshot.version == persistence.store.snapshot.version)
    }

    /// After a flush of many writes, the next flush waits for more to join it: the whole commit
    /// delay while fewer are staged than half that flush covered, and no longer once as many are.
    @Test(arguments: [
        Persistence.writesAwaited(after: Persistence.commitSiblings) - 1, Persistence.writesAwaited(after: Persistence.commitSiblings),
    ])
    func afterAFlushOfManyWritesTheNextWaitsForHalfAsMany(staging count: Int) throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let waitsWholeDelay = count < Persistence.writesAwaited(after: Persistence.commitSiblings)
        // With enough writes staged, a delay no write here could sit out.
        let persistence = try Self.persistence(in: directory, commitDelay: waitsWholeDelay ? 0.3 : 20)
        // Staged before anyone waits, the first writes share one flush: load.
        let first = try (0..<Persistence.commitSiblings).map { try persistence.stage([Self.entity($0)]) }
        try persistence.waitUntilDurable(first.last!)
        #expect(persistence.flushCount == 1)
        let staged = ContinuousClock.now
        let next = try (0..<count).map { try persistence.stage([Self.entity(100 + $0)]) }
        try persistence.waitUntilDurable(next.last!)
        let waited = ContinuousClock.now - staged
        if waitsWholeDelay {
            #expect(waited >= .milliseconds(200), "the flush waited for more writes to join it")
        } else {
            #expect(waited < .seconds(10), "the flush started once half as many writes were staged")
        }
        #expect(persistence.flushCount == 2)
        #expect(persistence.store.snapshot.entityCount == Persistence.commitSiblings + count)
    }

    @Test func theCommitDelayEndsOnceHalfAsManyWritesAreStaged() {
        #expect(Persistence.writesAwaited(after: 5) == 3)
        #expect(Persistence.writesAwaited(after: 44) == 22)
    }

    @Test func aLoneWriterNeverWaitsTheCommitDelay() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A delay no write here could sit out: each flush covers one write, so none waits.
        let persistence = try Self.persistence(in: directory, commitDelay: 60)
        let started = ContinuousClock.now
        for number in 0..<3 { try persistence.commit([Self.entity(number)]) }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(persistence.flushCount == 3)
    }

    @Test func nothingIsFlushedUntilSomeoneWaitsAndThenOneFlushCoversAllStaged() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        let staged = try (0..<3).map { try persistence.stage([Self.entity($0)]) }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(persistence.flushCount == 0)
        #expect(persistence.store.snapshot.entityCount == 0, "readers see nothing staged")
        try persistence.waitUntilDurable(staged[0])
        #expect(persistence.flushCount == 1)
        #expect(persistence.store.snapshot.entityCount == 3)
    }

    /// A write that changes nothing waits for the state it saw: when a write that nobody waits
    /// for made that state, its waiter starts the flusher.
    @Test func aWriteThatChangesNothingStartsTheFlushOfTheStateItSaw() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        let made = try persistence.stage([Self.entity(1)])
        let same = try persistence.stage([Self.entity(1)])
        #expect(!same.queued && same.sequence == made.sequence)
        try persistence.waitUntilDurable(same)
        #expect(persistence.store.snapshot.entity("writer-1") != nil)
        #expect(persistence.flushCount == 1)
    }

    @Test func backgroundCompactionsLoseNothingWhileWritersGoOn() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory, compactAfter: 10)
        Self.onThreads(32) { writer in
            for round in 0..<8 { _ = try? persistence.commit([Self.entity(writer * 8 + round)]) }
        }
        persistence.waitForCompactions()
        #expect(persistence.store.snapshot.entityCount == 256)
        // The journal a compaction folded in is gone once its snapshot is written.
        #expect(!FileManager.default.fileExists(atPath: directory + "/journal.previous.ndjson"))
        let reopened = try Self.persistence(in: directory)
        #expect(reopened.store.snapshot.entityCount == 256)
        #expect(reopened.store.snapshot.version == persistence.store.snapshot.version)
    }

    @Test func theJournalIsCompactedOnceItIsAsLargeAsTheSnapshot() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let store = NewsStore()
        let persistence = Persistence(
            store: store, feed: ChangeFeed(heartbeatInterval: 60), directory: directory, compactAfter: 10, logger: logger)
        try persistence.open(seed: { store.apply((1_000..<1_200).map(Self.entity)) })
        let snapshotBytes = try #require(FileManager.default.attributesOfItem(atPath: directory + "/snapshot.json")[.size] as? Int)
        // The records, without the zeros laid down after them.
        func journalRecords() throws -> Data {
            try Data(contentsOf: URL(fileURLWithPath: directory + "/journal.ndjson")).prefix { $0 != 0 }
        }
        func journalLines() throws -> Int { try journalRecords().split(separator: UInt8(ascii: "\n")).count }
        func journalBytes() throws -> Int { try journalRecords().count }
        var written = 0
        // Past `compactAfter` records, but smaller than the snapshot: kept.
        while try journalBytes() < snapshotBytes / 2 {
            try persistence.commit([Self.entity(written)])
            written += 1
        }
        #expect(written > 10)
        #expect(try journalLines() == written)
        // As large as the snapshot: compacted.
        while try journalLines() == written {
            try persistence.commit([Self.entity(written)])
            written += 1
            try #require(written < 1_000, "no compaction")
        }
        persistence.waitForCompactions()
        let reopened = try Self.persistence(in: directory)
        #expect(reopened.store.snapshot.entityCount == 200 + written)
    }

    @Test func aCompactionCutShortIsFinishedAtStartUp() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try Self.persistence(in: directory)
        for number in 0..<3 { _ = try first.commit([Self.entity(number)]) }
        // As if a compaction had renamed the journal and died before its snapshot was written.
        try FileManager.default.moveItem(atPath: directory + "/journal.ndjson", toPath: directory + "/journal.previous.ndjson")
        let second = try Self.persistence(in: directory)
        #expect(second.store.snapshot.entityCount == 3)
        _ = try second.commit([Self.entity(3)])
        #expect(!FileManager.default.fileExists(atPath: directory + "/journal.previous.ndjson"))
        let third = try Self.persistence(in: directory)
        #expect(third.store.snapshot.entityCount == 4)
        #expect(third.store.snapshot.version == second.store.snapshot.version)
    }

    @Test func aWriteWhoseAnswerFailsIsStillJournaled() throws {
        struct LookupFailed: Error {}
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        let (pending, answer) = try persistence.stage({ _ in [Self.entity(1)] }, reading: { _ -> Int in throw LookupFailed() })
        #expect(throws: LookupFailed.self) { try answer.get() }
        try persistence.waitUntilDurable(pending)
        let reopened = try Self.persistence(in: directory)
        #expect(reopened.store.snapshot.entity("writer-1") != nil)
        #expect(reopened.store.snapshot.version == persistence.store.snapshot.version)
    }

    @Test func anEventIsJournaledFromTheJSONItIsAnsweredWith() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        var random = SplitMix64(seed: 5)
        let event = EventJSONSelfWritingTests.event(&random)
        for _ in 0..<2 {
            let (json, durable) = try persistence.submit(event: { _ in event })
            #expect(json == (try CompactJSONEncoder().encode(event)))
            try durable.waitUntilOpen()
        }
        let version = persistence.store.snapshot.version
        let journal = try Journal.read(path: directory + "/journal.ndjson")
        #expect(journal.records.count == 1, "the second write changed nothing")
        let written = try Data(contentsOf: URL(fileURLWithPath: directory + "/journal.ndjson")).prefix(journal.validBytes)
        let expected = Journal.line(
            version: version, encodedChanges: try CompactJSONEncoder().encode([StoreChange.upsertEvent(event)]))
        #expect(Array(written) == expected)
        let reopened = try Self.persistence(in: directory)
        #expect(reopened.store.snapshot.event(event.id) == event)
    }

    @Test func readersSeeAWriteOnlyOnceItIsDurable() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        let pending = try persistence.stage([Self.entity(1)])
        #expect(persistence.store.snapshot.entity("writer-1") == nil)
        #expect(persistence.latest.entity("writer-1") != nil, "later writers decide on it")
        try persistence.waitUntilDurable(pending)
        #expect(persistence.store.snapshot.version == pending.version)
        #expect(persistence.store.snapshot.entity("writer-1") != nil)
        #expect(persistence.flushCount == 1)
    }

    @Test func writesAreAcknowledgedWithoutASnapshotUntilAReaderAsksForOne() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        let published = persistence.store.lastPublished.version
        for number in 0..<8 { try persistence.commit([Self.entity(number)]) }
        #expect(persistence.store.lastPublished.version == published, "no reader asked: no snapshot made")
        #expect(persistence.store.snapshot.entityCount == 8, "a reader gets every acknowledged write")
        #expect(persistence.store.lastPublished.version == persistence.latest.version)
        #expect(persistence.flushCount == 8)
    }

    @Test func aCompactionHoldsTheWritesNoReaderHasAskedFor() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        for number in 0..<8 { try persistence.commit([Self.entity(number)]) }
        #expect(persistence.store.lastPublished.entityCount == 0, "no reader asked")
        try persistence.compact()
        try persistence.commit([Self.entity(8)])
        let reopened = try Self.persistence(in: directory)
        #expect(reopened.store.snapshot.entityCount == 9)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFailedFlushFailsItsWritersAndPublishesNothing() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        try persistence.commit([Self.entity(0)])
        let durable = persistence.store.snapshot
        // Every write to /dev/full fails with ENOSPC.
        let full = directory + "/full"
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: "/dev/full")
        persistence.attach(try Journal(path: full, count: 0))

        let failed = Locked(0)
        Self.onThreads(16) { writer in
            do {
                try persistence.commit([Self.entity(writer + 1)])
            } catch is DurabilityError {
                failed.withLock { $0 += 1 }
            } catch {}
        }
        #expect(failed.withLock { $0 } == 16)
        #expect(persistence.store.snapshot === durable, "nothing that failed to flush is published")
        #expect(throws: DurabilityError.self) { try persistence.commit([Self.entity(100)]) }
        #expect(throws: DurabilityError.self) { try persistence.compact() }
        #expect(persistence.store.snapshot === durable)
    }

    @Test func compactionKeepsWhatWasStagedBeforeIt() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let persistence = try Self.persistence(in: directory)
        Self.onThreads(8) { writer in
            for round in 0..<4 {
                if round == 2, writer == 0 { try? persistence.compact() }
                _ = try? persistence.commit([Self.entity(writer * 4 + round)])
            }
        }
        try persistence.compact()
        try persistence.commit([Self.entity(1_000)])
        let reopened = try Self.persistence(in: directory)
        #expect(reopened.store.snapshot.entityCount == 33)
        #expect(reopened.store.snapshot.version == persistence.store.snapshot.version)
    }
}
