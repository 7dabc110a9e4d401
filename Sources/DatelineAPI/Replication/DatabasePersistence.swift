import Dispatch
import Locking
public import Logging
public import NewsModel
import Postgres

/// PostgreSQL as the store of record, shared by replicas: each keeps the whole store in memory
/// for reads, and all of them write to, and follow, one ordered change log in the database.
///
/// A write is decided on this replica's latest state and staged, as with the journal; one
/// writer at a time leads, and commits every write staged so far in one transaction (group
/// commit): it locks the head row, checks that no other replica committed since this replica's
/// state, appends one log row per version, mirrors the rows the writes changed, moves the head
/// and notifies. Writers are answered after the commit. When another replica did commit first,
/// the leader gives the staged writes up, applies the log it missed, and the writers decide
/// again on the new state; when it learns this holding the head row, it keeps the row until
/// they have staged again and commits them, so that no replica starves. A version number means
/// the same on every replica.
///
/// The head row's lock orders commits: a transaction takes the next version only once the one
/// before has committed, so a reader of the log never sees version n + 1 without n (a sequence
/// hands out numbers before commit, and a later commit of a lower number would be skipped).
///
/// Replicas learn of commits by LISTEN/NOTIFY; a notification carries only the version, and the
/// follower reads the log after its own version. Notifications are lost while a connection is
/// down, so the follower reads the log again on every reconnect, and every `pollInterval`.
///
/// While the database cannot be reached, readers are served from memory as before; writes fail
/// with ``DatabaseUnavailable`` (503 and `Retry-After`), and resume by themselves when it is back.
public final class DatabasePersistence: StoreOfRecord {
    public let store: NewsStore
    public let feed: ChangeFeed
    let url: String
    private let pool: PostgresPool
    let readiness: Readiness
    let logger: Logger
    let pollInterval: Duration
    private let state: Locked<State>
    private let health = Locked<Health>(Health())

    /// How long a write keeps being decided again while other replicas commit first.
    static let conflictDeadline: Duration = .seconds(5)

    private struct State: Sendable {
        /// The published state with every staged write applied.
        var draft: StoreDraft
        /// Writes staged and not yet committed, in order.
        var unflushed: [Staged] = []
        var leading = false
        /// Writers waiting for a leader's turn to end.
        var sleepers: [WriteTicket] = []
        var flushes = 0
        var staged: UInt64 = 0

        /// Writers given back by the last conflict that have not staged again: the next turn
        /// waits for them, so that they commit together rather than one by one.
        var retrying = 0

        /// Makes the draft again from the store if the store moved on without it.
        mutating func follow(_ store: NewsStore) {
            if unflushed.isEmpty { draft.follow(store.snapshot) }
        }

        /// Whether a writer may take the lead now.
        var mayLead: Bool { !leading && retrying == 0 }

        /// The sleeping writer to wake to lead, when one may.
        mutating func nextLeader() -> WriteTicket? {
            mayLead && !sleepers.isEmpty ? sleepers.removeFirst() : nil
        }

        /// A writer given back by a conflict has staged again (or given up); the last one wakes
        /// a writer to lead.
        mutating func retried() -> WriteTicket? {
            retrying -= 1
            return nextLeader()
        }

        /// Gives up every staged write; the draft goes back to what readers see.
        mutating func giveUpStaged(_ store: NewsStore) -> [Staged] {
            defer {
                unflushed = []
                draft = StoreDraft(store.snapshot)
            }
            return unflushed
        }
    }

    /// One staged write: its log entry (nil when it changed nothing, and only waits for the
    /// state it saw), what it did, and its writer's ticket.
    private struct Staged: Sendable {
        var entry: ChangeLogTable.Entry?
        var records: [ChangeRecord]
        var ticket: WriteTicket
    }

    /// What the replica knows of the database, for `/readyz` and the metrics.
    struct Health: Sendable {
        /// The newest version the database was seen to hold.
        var head: UInt64 = 0
        var errors = 0
        var lastError: String?
    }

    /// - Parameters:
    ///   - url: a libpq connection URI.
    ///   - pollInterval: how often the log is read when no notification comes.
    public init(
        url: String, store: NewsStore, feed: ChangeFeed, readiness: Readiness, pollInterval: Duration = .seconds(2),
        logger: Logger
    ) {
        self.url = url
        self.store = store
        self.feed = feed
        self.readiness = readiness
        self.pollInterval = pollInterval
        self.logger = logger
        pool = PostgresPool(
            PostgresPool.Configuration(url: url, maximumConnections: 4, connectTimeout: .seconds(2), acquireTimeout: .seconds(5)))
        state = Locked(State(draft: StoreDraft(store.snapshot)))
    }

    public var latest: StoreSnapshot {
        state.withLock { state in
            state.follow(store)
            return state.draft.view
        }
    }

    public var flushCount: Int { state.withLock { $0.flushes } }
    public var stagedCount: UInt64 { state.withLock { $0.staged } }

    public var replication: ReplicationStatus? {
        let (head, errors) = health.withLock { ($0.head, $0.errors) }
        let version = store.snapshot.version
        return ReplicationStatus(lag: head > version ? head - version : 0, errors: errors)
    }

    public func write<Answer>(
        _ decide: (StoreSnapshot) throws -> [StoreChange], reading read: (StoreSnapshot) throws -> Answer
    ) throws -> Answer {
        let deadline = ContinuousClock.now.advanced(by: Self.conflictDeadline)
        var retry = false
        while ContinuousClock.now < deadline {
            let ticket = WriteTicket()
            var woken: WriteTicket?
            defer { woken?.wake.signal() }
            let answer = try state.withLock { state in
                if retry { woken = state.retried() }
                state.follow(store)
                let changes = try decide(state.draft.view)
                let records = state.draft.apply(changes)
                let entry = records.isEmpty ? nil : ChangeLogTable.Entry(version: state.draft.version, changes: changes)
                if entry != nil { state.staged += 1 }
                state.unflushed.append(Staged(entry: entry, records: records, ticket: ticket))
                return Result { try read(state.draft.view) }
            }
            switch wait(for: ticket) {
            case .durable: return try answer.get()
            case .conflict: retry = true
            case .unavailable(let failure): throw failure
            }
        }
        if retry { state.withLock { $0.retried() }?.wake.signal() }
        throw DatabaseUnavailable(reason: "other replicas kept committing first for \(Self.conflictDeadline)")
    }

    /// Sleeps until the ticket has its outcome, leading a turn whenever no one else does.
    private func wait(for ticket: WriteTicket) -> WriteTicket.Outcome {
        while true {
            if let outcome = ticket.current { return outcome }
            let leads = state.withLock { state in
                guard ticket.current == nil else { return false }
                guard state.mayLead else {
                    state.sleepers.append(ticket)
                    return false
                }
                state.leading = true
                return true
            }
            if leads {
                lead(for: ticket)
            } else if ticket.current == nil {
                ticket.wake.wait()
            }
        }
    }

    /// Leads one turn when no one else does; returns whether it did.
    @discardableResult
    func leadIfFree() -> Bool {
        let free = state.withLock { state in
            guard state.mayLead else { return false }
            state.leading = true
            return true
        }
        if free { lead() }
        return free
    }

    /// One leader's turn: apply what other replicas committed, else commit what is staged; then
    /// hand the lead to a sleeping writer. `own` is the leading writer's ticket, if a writer leads.
    private func lead(for own: WriteTicket? = nil) {
        defer {
            state.withLock { state -> WriteTicket? in
                state.leading = false
                state.sleepers.removeAll { $0.current != nil }
                return state.nextLeader()
            }?.wake.signal()
        }
        let base = store.snapshot.version
        let taken = takeBatch()
        do {
            let turn = try pool.withConnection { connection -> Turn in
                // Nothing to commit: read what other replicas did. Something to commit: the
                // transaction finds that out itself, holding the head row.
                guard taken.makesVersions else {
                    let missed = try ChangeLogTable.entries(after: base, limit: 1000, connection)
                    return missed.isEmpty ? .committed(taken) : .behind(missed)
                }
                return try connection.transaction { connection in
                    var batch = taken
                    let head = try ChangeLogTable.head(connection, lock: true)
                    if head != base {
                        // Another replica committed while this one waited for the head row. Holding
                        // it now, this replica applies what it missed and commits what its writers
                        // decide again, before any other can: no replica starves.
                        apply(try ChangeLogTable.entries(after: base, limit: Int(head - base), connection))
                        // The leading writer decides again only after its turn.
                        waitForRetries(leaving: taken.staged.contains { $0.ticket === own } ? 1 : 0)
                        batch = takeBatch()
                    }
                    if batch.makesVersions {
                        try ChangeLogTable.append(
                            batch.staged.compactMap(\.entry), records: batch.staged.flatMap(\.records), snapshot: batch.snapshot, connection
                        )
                    }
                    return .committed(batch)
                }
            }
            switch turn {
            case .behind(let missed):
                noteHealthy(head: missed.last?.version ?? base)
                apply(missed)
            case .committed(let batch):
                noteHealthy(head: batch.snapshot.version)
                committed(batch)
            }
        } catch let error as PostgresError where error.kind == .server {
            // The database answered, and refused: a fault of this replica's, not an outage.
            logger.error("the database refused a commit", metadata: ["error": "\(error)"])
            health.withLock { $0.errors += 1 }
            abandonStaged(with: .unavailable(DatabaseUnavailable(reason: "the database refused the commit (\(error))")))
        } catch {
            let failure = DatabaseUnavailable(reason: "\(error)")
            noteFailure(failure)
            abandonStaged(with: .unavailable(failure))
        }
    }

    /// What a leader's turn found: versions other replicas committed, or its own batch committed.
    private enum Turn {
        case behind([ChangeLogTable.Entry])
        case committed(Batch)
    }

    /// The writes a leader commits, and the snapshot of the draft that holds exactly them.
    private struct Batch {
        var staged: [Staged]
        var snapshot: StoreSnapshot
        var makesVersions: Bool { staged.contains { $0.entry != nil } }
    }

    private func takeBatch() -> Batch {
        state.withLock { state in Batch(staged: state.unflushed, snapshot: state.draft.takeSnapshot()) }
    }

    /// Waits, briefly, until the writers a conflict gave back, all but `leaving`, have staged again.
    private func waitForRetries(leaving: Int) {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(200))
        while state.withLock({ $0.retrying > leaving }), ContinuousClock.now < deadline { pause(.microseconds(50)) }
    }

    /// The batch is committed: readers see it, and its writers are answered.
    private func committed(_ batch: Batch) {
        if batch.makesVersions {
            store.publish(batch.snapshot)
            feed.publish(batch.snapshot)
        }
        state.withLock { state in
            state.unflushed.removeFirst(batch.staged.count)
            if batch.makesVersions { state.flushes += 1 }
        }
        for staged in batch.staged { staged.ticket.finish(.durable) }
    }

    /// Applies the log entries other replicas committed, giving up what this one staged on
    /// the state before them: its writers decide again.
    private func apply(_ missed: [ChangeLogTable.Entry]) {
        let (abandoned, snapshot) = state.withLock { state -> ([Staged], StoreSnapshot?) in
            let abandoned = state.giveUpStaged(store)
            state.retrying += abandoned.count
            for entry in missed {
                state.draft.apply(entry.changes)
                guard state.draft.version == entry.version else {
                    logger.critical(
                        "the change log and this replica disagree: restart it to load the state again",
                        metadata: [
                            "log_version": .stringConvertible(entry.version), "replica_version": .stringConvertible(state.draft.version),
                        ])
                    state.draft = StoreDraft(store.snapshot)
                    return (abandoned, nil)
                }
            }
            return (abandoned, state.draft.takeSnapshot())
        }
        if let snapshot {
            store.publish(snapshot)
            feed.publish(snapshot)
        }
        for staged in abandoned { staged.ticket.finish(.conflict) }
    }

    /// Gives up every staged write: the draft goes back to what readers see.
    private func abandonStaged(with outcome: WriteTicket.Outcome) {
        let abandoned = state.withLock { $0.giveUpStaged(store) }
        for staged in abandoned { staged.ticket.finish(outcome) }
    }

    /// The last failure to reach the database, while it lasts.
    var lastError: String? { health.withLock { $0.lastError } }

    /// A notification said the database holds `head`.
    func noteHead(_ head: UInt64) {
        health.withLock { $0.head = max($0.head, head) }
    }

    private func noteHealthy(head: UInt64) {
        let recovered = health.withLock { health -> Bool in
            health.head = max(health.head, head)
            defer { health.lastError = nil }
            return health.lastError != nil
        }
        if recovered {
            logger.notice("the database answers again")
            readiness.setProblem(nil)
        }
    }

    func noteFailure(_ failure: DatabaseUnavailable) {
        let first = health.withLock { health -> Bool in
            health.errors += 1
            defer { health.lastError = failure.reason }
            return health.lastError == nil
        }
        if first {
            logger.error("the database cannot be reached: writes are refused until it answers", metadata: ["error": "\(failure.reason)"])
        }
        readiness.setProblem("the database cannot be reached (\(failure.reason)): reads are served from memory, writes are refused")
    }
}
