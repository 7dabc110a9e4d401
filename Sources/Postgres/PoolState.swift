/// The bookkeeping of a `PostgresPool`: the idle connections it holds, and whether a new
/// connection may be tried now or must wait out the backoff after failures. It makes no
/// connections itself, and is generic over what it holds, so that its rules are tested without
/// a server.
struct PoolState<Connection: Sendable>: Sendable {
    /// What a borrower gets.
    enum Lending {
        /// An idle connection, most recently returned first.
        case idle(Connection)
        /// Nothing idle: the borrower makes a new connection now.
        case connect
        /// Closed, or still within the backoff after a failed attempt: the borrower fails at once.
        case refuse(PostgresError)
    }

    let backoff: Backoff
    private(set) var idle: [Connection] = []
    private(set) var failuresInARow = 0
    private(set) var isClosed = false
    private var lastFailure: PostgresError?
    private var nextAttempt: ContinuousClock.Instant?

    init(backoff: Backoff) {
        self.backoff = backoff
    }

    mutating func lend(at now: ContinuousClock.Instant) -> Lending {
        if isClosed { return .refuse(PostgresError(.connection, message: "the pool is closed")) }
        if let connection = idle.popLast() { return .idle(connection) }
        if let nextAttempt, now < nextAttempt {
            let reason = lastFailure?.message ?? "unknown"
            return .refuse(
                PostgresError(
                    .connection, sqlState: lastFailure?.sqlState,
                    message: "PostgreSQL is unreachable (\(reason)); next attempt in \(now.duration(to: nextAttempt))"))
        }
        return .connect
    }

    /// A new connection was made: the backoff starts over.
    mutating func connected() {
        failuresInARow = 0
        lastFailure = nil
        nextAttempt = nil
    }

    /// An attempt to connect failed at `now`: no other is made before the backoff has passed.
    mutating func failedToConnect(_ failure: PostgresError, at now: ContinuousClock.Instant) {
        failuresInARow += 1
        lastFailure = failure
        nextAttempt = now.advanced(by: backoff.delay(afterFailures: failuresInARow))
    }

    /// Takes a connection back; keeps it for the next borrower when `usable` and the pool is
    /// open, and otherwise hands it back to be released (outside the caller's lock).
    mutating func takeBack(_ connection: Connection, usable: Bool) -> Connection? {
        guard usable && !isClosed else { return connection }
        idle.append(connection)
        return nil
    }

    /// Refuses every later borrower; returns the idle connections to be released.
    mutating func close() -> [Connection] {
        isClosed = true
        defer { idle = [] }
        return idle
    }
}
