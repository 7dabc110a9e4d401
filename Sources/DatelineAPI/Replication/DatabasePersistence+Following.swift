import Dispatch
import Postgres

extension DatabasePersistence {
    /// Connects (waiting, with backoff, for as long as the database is away: `/readyz` says
    /// why it is not ready), migrates the schema, loads the log, extracts the seed into an
    /// empty database, then follows the log in the background.
    ///
    /// The seed is extracted under an advisory lock, by the first replica to find the database
    /// empty; the others wait on the lock and then load what it wrote.
    public func open(seed: () throws -> Void) throws {
        var failures = 0
        while true {
            do {
                let connection = try PostgresConnection(url: url, connectTimeout: .seconds(2))
                try Migrator(DatelineSchema.migrations).apply(on: connection)
                try connection.execute("SELECT pg_advisory_lock($1)", parameters: [ChangeLogTable.seedLockKey])
                defer { _ = try? connection.execute("SELECT pg_advisory_unlock($1)", parameters: [ChangeLogTable.seedLockKey]) }
                try catchUp()
                if store.snapshot.version == 0, try ChangeLogTable.head(connection) == 0 { try seed() }
                break
            } catch {
                failures += 1
                let reason = "\(error)"
                readiness.setProblem("the database cannot be reached (\(reason)): the store is not loaded yet")
                logger.warning("waiting for the database", metadata: ["error": "\(reason)", "attempt": .stringConvertible(failures)])
                pause(Backoff().delay(afterFailures: failures))
            }
        }
        readiness.setProblem(nil)
        DispatchQueue(label: "dateline.replication").async { [self] in follow() }
    }

    /// Journal compaction has no counterpart here: PostgreSQL keeps its own log.
    public func compact() throws {}

    /// Applies the whole log this replica has not seen, a leader's turn at a time (waiting while
    /// a writer leads); throws when the database cannot be read.
    func catchUp() throws {
        while true {
            let before = store.snapshot.version
            guard leadIfFree() else {
                pause(.milliseconds(1))
                continue
            }
            if let reason = lastError { throw DatabaseUnavailable(reason: reason) }
            if store.snapshot.version == before { return }
        }
    }

    /// Listens for commits and applies the log after each, and every `pollInterval` besides;
    /// reconnects with backoff when the connection is lost, and reads the log on each reconnect.
    private func follow() {
        var listener: PostgresConnection?
        var failures = 0
        while true {
            do {
                if listener == nil {
                    let connection = try PostgresConnection(url: url, connectTimeout: .seconds(2))
                    try connection.listen(ChangeLogTable.channel)
                    listener = connection
                    try catchUp()
                }
                let notifications = try listener!.notifications(timeout: pollInterval)
                let newest = notifications.compactMap { UInt64($0.payload) }.max()
                if let newest { noteHead(newest) }
                if newest.map({ $0 > store.snapshot.version }) ?? true { try catchUp() }
                failures = 0
            } catch {
                listener = nil
                failures += 1
                noteFailure(DatabaseUnavailable(reason: "\(error)"))
                pause(Backoff().delay(afterFailures: failures))
            }
        }
    }
}

/// Blocks the calling thread for `duration`.
func pause(_ duration: Duration) {
    _ = DispatchSemaphore(value: 0).wait(timeout: .now() + duration.dispatchInterval)
}
