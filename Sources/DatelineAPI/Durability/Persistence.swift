import Dispatch
import FoundationEssentials
public import HTTPServer
import Locking
public import Logging
public import NewsModel

/// The one way changes reach the store: each batch is applied to the latest state, journaled,
/// and once a flush has made it durable (when a data directory is configured), published to
/// readers and announced on the change feed, in version order, so the journal, the versions and
/// the feed agree.
///
/// Writes commit in groups (``GroupCommit``): a writer stages its batch and asks to be told when
/// it is durable, by waiting (``write(_:reading:)``) or through a gate its response waits on
/// (``submit(_:reading:)``); a flusher on a queue of its own writes every batch staged so far and
/// makes them durable with one `fdatasync`, as PostgreSQL's WAL writer does. Readers see a batch
/// only once it is durable; writers decide on ``latest``, which holds the staged batches too, so
/// that writes stay serialisable. New events (``submit(newEvent:idBase:checking:)``) are staged
/// by the flusher itself, without their writers taking that lock (`Persistence+Queue.swift`). A
/// failed flush is final: the writes waiting for it and every later one fail, and readers go on
/// seeing the last snapshot published (the writes acknowledged since are in the journal) until a
/// restart reads the journal again.
///
/// Staged batches change one ``StoreDraft`` in place, each one version step. A snapshot of it for
/// readers is made only when one is wanted: the parts of the draft a snapshot shares, every later
/// write copies before it changes them, and the snapshot it replaces frees them again: a snapshot
/// a flush cost a write-only load about a tenth of its CPU. The flusher makes one with a flush
/// while readers have asked for one lately (``snapshotsAfterAsking`` flushes), while the change
/// feed has subscribers, when the journal is due for compaction, and after
/// ``mostUnpublishedChanges`` changes without one. Otherwise it only tells the store that the
/// batch is durable; a reader that then finds the published snapshot behind asks for one
/// (``askForSnapshot()``) and waits until it is published, so it never misses an acknowledged
/// write. The ids of queued events stay reserved until a published snapshot holds them.
///
/// The journal is due for compaction after `compactAfter` records, once it has grown as large as
/// the last snapshot: so the cost of writing snapshots, which grows with the store, stays in
/// proportion to the bytes written (Redis rewrites its append-only file on the same rule), and
/// start-up never replays more than a snapshot's worth of journal.
///
/// Under load a flush waits up to `commitDelay` before it starts, as PostgreSQL's `commit_delay`
/// does, so that more writes join it: one `fdatasync` (and any snapshot) then covers more of them. It
/// waits only after a flush that covered ``commitSiblings`` writes or more, so a lone writer never
/// does, and only until half as many writes are staged as that flush covered
/// (``writesAwaited(after:)``). Waiting for all of them would keep the writers in one group that
/// moves as one: while its flush is on disk and its answers go out, the cores would have nothing
/// to do. With half, the writers settle into two groups that take turns, one group's requests
/// handled while the other's flush is under way.
///
/// Compaction does not hold writers up: when the journal is due, the flusher renames it to
/// `journal.previous.ndjson` and starts a new one, and a background thread writes the snapshot
/// of what the old one held, then deletes it. Start-up replays both files, skipping what the
/// snapshot already holds.
public final class Persistence: StoreOfRecord {
    public let store: NewsStore
    public let feed: ChangeFeed
    // Not private where compaction (Persistence+Compaction.swift) needs them.
    let directory: String?
    let compactAfter: Int
    let commitDelay: Double
    let logger: Logger
    /// The writers' lock: held to decide and stage a write, and by the flusher to take a batch.
    let state: Locked<State>
    /// The version of the last snapshot written; held while one is written, so that snapshots
    /// are written one at a time and never replaced by an older one.
    let snapshotVersion = Locked<UInt64?>(nil)
    /// Background compactions under way.
    let compactions = DispatchGroup()
    /// Where staged batches are flushed, one at a time, and compaction runs.
    let flusher = DispatchQueue(label: "dateline.journal.flusher")
    /// New events for the flusher to stage, the count of writes it waits on to flush, and whether
    /// it is at work. Taken inside the writers' lock, never the other way round.
    let inbox = ConditionLocked(Inbox())
    /// Ids of queued events that readers do not see yet, over the published state.
    let reservedIDs: Locked<UniqueIDs>

    struct State: Sendable {
        /// The open journal; nil without a data directory, and until `open` has replayed it.
        var journal: Journal?
        var commits = GroupCommit<Staged>()
        /// The published state with every staged batch applied.
        var draft: StoreDraft
        /// The size of the last snapshot written or read.
        var snapshotBytes = 0
        /// How many more flushes publish a snapshot because readers asked for one lately.
        var flushesPublishing = 0
        /// Ids of queued events made durable since the last published snapshot: let go once one is.
        var unpublishedReservations: [String] = []
        /// The version of the last batch flushed: a snapshot older than it cannot replace the journal.
        var flushedVersion: UInt64 = 0

        /// Whether the next flush publishes a snapshot (see the type's notes); counts it.
        mutating func publishesSnapshot(asked: Bool, compactionDue: Bool) -> Bool {
            if asked { flushesPublishing = Persistence.snapshotsAfterAsking }
            if flushesPublishing > 0 {
                flushesPublishing -= 1
                return true
            }
            return compactionDue || draft.changesSinceSnapshot >= Persistence.mostUnpublishedChanges
        }

        /// Makes the draft again from the store's snapshot if the store moved on without it (a
        /// restore or a replay at start-up).
        mutating func followStore(_ store: NewsStore) {
            if commits.unflushed.isEmpty { draft.follow(store.lastPublished) }
        }
    }

    /// One staged batch: the version it made and its changes, which the flusher encodes for the
    /// journal unless the writer has left their journal line already.
    struct Staged: Sendable {
        var version: UInt64
        var changes: [StoreChange]
        var line: [UInt8]? = nil
        /// The id reserved for it, when it is a queued event's: let go once it is published.
        var reserved: String? = nil
    }

    /// A batch staged and not yet known to be durable: wait for it with ``waitUntilDurable(_:)``.
    struct PendingWrite: Sendable {
        /// The version the batch made (the latest version, when it changed nothing).
        var version: UInt64
        var sequence: UInt64
        /// Whether the batch changed something, and so was queued for the journal as item `sequence`.
        var queued: Bool
    }

    /// - Parameters:
    ///   - directory: where the snapshot and the journal live; nil keeps the store in memory only.
    ///   - compactAfter: journal records after which a snapshot is written and the journal emptied,
    ///     once the journal is also as large as the last snapshot.
    ///   - commitDelay: seconds a flush waits at most for more writes under load; 0 never waits.
    public init(
        store: NewsStore, feed: ChangeFeed, directory: String?, compactAfter: Int = 10_000, commitDelay: Double = 0,
        logger: Logger
    ) {
        self.store = store
        self.feed = feed
        self.directory = directory
        self.compactAfter = compactAfter
        self.commitDelay = commitDelay
        self.logger = logger
        state = Locked(State(draft: StoreDraft(store.lastPublished)))
        reservedIDs = Locked(UniqueIDs(in: store.lastPublished, for: .event))
        store.makeSnapshots { [weak self] in self?.askForSnapshot() }
    }

    /// Flushes that publish a snapshot after a reader asked for one: readers that come soon after
    /// find one at once.
    static let snapshotsAfterAsking = 64
    /// Changes after which a flush publishes a snapshot though no reader asked: what the draft
    /// holds unpublished (their change records, the ids queued events reserve) stays bounded.
    static let mostUnpublishedChanges = 4_096

    /// The state writes decide on: the published snapshot with every staged batch applied,
    /// durable or not yet. Readers are served `store.snapshot`, which holds only what is durable.
    /// Hold it only briefly: while it is held, every write copies what it changes.
    public var latest: StoreSnapshot {
        state.withLock { state in
            state.followStore(store)
            return state.draft.view
        }
    }

    /// Flushes of the journal so far: each made one or more batches durable.
    public var flushCount: Int { state.withLock { $0.commits.flushes } }

    /// Batches staged so far (those that changed something), durable or not yet.
    public var stagedCount: UInt64 { state.withLock { $0.commits.appended } }

    var snapshotPath: String? { directory.map { $0 + "/snapshot.json" } }
    private var journalPath: String? { directory.map { $0 + "/journal.ndjson" } }
    /// The journal a background compaction is folding into the snapshot.
    var previousJournalPath: String? { directory.map { $0 + "/journal.previous.ndjson" } }

    /// Loads the durable state: the latest snapshot, or else the seed (then a first snapshot
    /// of it), then every journal record after the snapshot. A torn or corrupt tail is cut
    /// off with a warning. Without a data directory it only runs `seed`.
    public func open(seed: () throws -> Void) throws {
        guard let directory, let snapshotPath, let journalPath, let previousJournalPath else {
            try seed()
            return
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: snapshotPath) {
            // Read apart, so that the file (a gigabyte at a million events) is let go before
            // the indexes are built.
            let (contents, bytes) = try readSnapshot(snapshotPath)
            store.restore(contents)
            state.withLock { $0.snapshotBytes = bytes }
            // What decoding and sorting used is free now; without this the process keeps it.
            FreedMemory.returnToSystem()
        } else {
            try seed()
            try writeSnapshot(of: store.snapshot, to: snapshotPath)
        }
        let base = store.snapshot.version
        // A compaction cut short leaves the journal it was folding in: its records come first.
        let unfinished = FileManager.default.fileExists(atPath: previousJournalPath)
        let replay = try Journal.replay(
            unfinished ? [previousJournalPath, journalPath] : [journalPath], after: base, onto: store.snapshot, logger: logger)
        if let snapshot = replay.snapshot { store.publish(snapshot) }
        let contents = replay.last
        if let size = try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int, size > contents.validBytes {
            try DurableFile.truncate(journalPath, to: contents.validBytes)
        }
        attach(try Journal(path: journalPath, count: contents.records.count, bytes: contents.validBytes))
        if unfinished {
            // Finish it now: one snapshot holds both journals.
            try writeSnapshot(of: store.snapshot, to: snapshotPath)
            try state.withLock { try $0.journal?.reset() }
            try DurableFile.remove(previousJournalPath)
        }
        logger.info(
            "durable state loaded",
            metadata: [
                "directory": .string(directory), "snapshot_version": .stringConvertible(Int(base)),
                "journal_records": .stringConvertible(replay.replayed), "version": .stringConvertible(Int(store.snapshot.version)),
            ])
    }

    /// The snapshot's contents, and its size in bytes.
    private func readSnapshot(_ path: String) throws -> (StoreContents, Int) {
        guard let file = MappedFile(path: path) else {
            throw DurabilityError(operation: "read", path: path, errno: nil, reason: "the snapshot cannot be read")
        }
        let contents = try SnapshotDecoder.decode(file)
        // What decoding used goes back before the indexes are built beside the records.
        FreedMemory.returnToSystem()
        return (contents, file.data.count)
    }

    /// Makes `journal` the one later flushes write to.
    func attach(_ journal: Journal) {
        state.withLock { $0.journal = journal }
    }

    /// Stages the write (see ``stage(_:reading:)``) and waits until it is durable and readers see
    /// it. Throws what `decide` throws, or ``DurabilityError`` when the journal cannot be
    /// written, and then nothing of it was published.
    public func write<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> Answer {
        let (pending, answer) = try stage(decide, reading: read)
        try waitUntilDurable(pending)
        return try answer.get()
    }

    /// Stages the write (see ``stage(_:reading:)``) and returns at once, with what `read` took and
    /// a gate that opens once the write is durable and readers see it: no thread waits for the
    /// flush. When `read` fails, this waits for the flush and then throws what it threw.
    public func submit<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> (answer: Answer, durable: any ResponseGate) {
        let (pending, answer) = try stage(decide, reading: read)
        if case .failure = answer { try waitUntilDurable(pending) }
        return (try answer.get(), DurableWrite(persistence: self, pending: pending))
    }

    /// Does what ``submit(_:reading:)`` does for a write of one event, and writes the event's JSON
    /// once, outside the write lock: for the answer, and for the journal line the gate leaves for
    /// the flusher.
    public func submit(event decide: (StoreSnapshot) throws -> Event) throws -> (json: [UInt8], durable: any ResponseGate) {
        let (pending, event) = try StoreChange.upserting(decide) { try stage($0) }
        do {
            let json = try CompactJSONEncoder().encode(event)
            // A write that changed nothing was not queued: it has no record to make.
            let line =
                pending.queued
                ? Journal.line(version: pending.version, upsertingEventJSON: json) : nil
            return (json, DurableWrite(persistence: self, pending: pending, line: line))
        } catch {
            try waitUntilDurable(pending)
            throw error
        }
    }

    /// Yes: a flusher makes staged writes durable, and the gate opens then. (A `read` that
    /// throws waits for the flush, as above: an answer that was to be, and a rare one.)
    public var submitsWithoutWaiting: Bool { true }

    /// Stages `changes`, see ``stage(_:reading:)``.
    func stage(_ changes: [StoreChange]) throws -> PendingWrite {
        try stage { _ in changes }
    }

    /// Stages what `decide` decides with nothing to read from the state it makes: see
    /// ``stage(_:reading:)``, without the view of that state a read would get.
    func stage(_ decide: (StoreSnapshot) throws -> [StoreChange]) throws -> PendingWrite {
        try stage(decide, answering: { _ in () }).pending
    }

    /// Decides one batch on the latest state, applies it and queues it for the journal, without
    /// waiting: later stages build on it at once. `decide` gets the latest state (staged batches
    /// included) and returns the changes; nothing else is staged meanwhile, so what it checks
    /// still holds when they apply. `read` then gets the state they made, to take from it what
    /// the writer answers with; what it returns or throws comes back as `answer`, the batch
    /// staged either way. Keep both to checks and lookups, and let go of the snapshots they get.
    /// A batch that changes nothing waits for the state it saw. Throws what `decide` throws, and
    /// once a flush has failed; then nothing was staged. The flush starts once someone waits.
    func stage<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> (pending: PendingWrite, answer: Result<Answer, any Error>) {
        try stage(decide) { draft in Result { try read(draft.view) } }
    }

    /// What both stages do: `answer` gets the draft the changes made, under the lock.
    private func stage<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], answering answer: (StoreDraft) -> Answer
    ) throws -> (pending: PendingWrite, answer: Answer) {
        let staged = try state.withLock { state in
            if let failure = state.commits.failure { throw failure }
            state.followStore(store)
            let changes = try decide(state.draft.view)
            var sequence = state.commits.appended
            let queued = !state.draft.apply(changes).isEmpty
            if queued {
                // Cannot fail: no flush has failed, and the lock is held.
                sequence = try state.commits.append(Staged(version: state.draft.version, changes: changes))
                noteStaged()
            }
            return (pending: PendingWrite(version: state.draft.version, sequence: sequence, queued: queued), answer: answer(state.draft))
        }
        return staged
    }

    /// Waits until the staged batch is durable and readers see it. Throws when the flush failed.
    func waitUntilDurable(_ pending: PendingWrite) throws {
        try DurableWrite(persistence: self, pending: pending).waitUntilOpen()
    }

    /// Calls `callback` once the staged batch is durable and readers see it (with nil), or once
    /// its flush failed (with the error): at once when either is known already, else on the
    /// flusher's thread. Starts the flusher when none is at work. `line`, the journal line its
    /// writer made of a queued batch, spares the flusher making it, unless a flush has taken the
    /// batch.
    func whenDurable(_ pending: PendingWrite, line: [UInt8]? = nil, _ callback: @escaping @Sendable ((any Error)?) -> Void) {
        let wait = state.withLock { state in
            if let line { state.commits.update(pending.sequence) { $0.line = line } }
            return state.commits.wait(for: pending.sequence, callback)
        }
        switch wait {
        case .durable: callback(nil)
        case .failed(let error): callback(error)
        case .waiting: startFlusherIfIdle()
        }
    }
}
