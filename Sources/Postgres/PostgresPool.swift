import Dispatch
import Locking

/// A bounded set of connections to one database, shared by many threads.
///
/// A caller borrows a connection for the length of a closure; the pool opens connections as
/// they are needed, up to `maximumConnections`, and keeps them for the next caller. A connection
/// that broke is closed instead of kept; the next caller gets a new one. After a failed attempt
/// to connect, the pool refuses at once (with the last error) until its backoff has passed,
/// so callers fail fast while the database is away and find it again when it is back.
///
/// Every call blocks the calling thread on the network or on a free connection: call it from
/// dedicated threads or queues that serve nothing else, never from an event loop. A connection
/// that LISTENs belongs outside the pool (a `PostgresConnection` of its own): a pooled one would
/// pass its channels on to the next borrower.
///
/// ```swift
/// let pool = PostgresPool(PostgresPool.Configuration(url: "postgresql://dateline@127.0.0.1/dateline"))
/// let count = try pool.withConnection { try $0.execute("SELECT count(*) FROM dateline_events").scalar }
/// ```
public final class PostgresPool: Sendable {
    /// Where to connect and how patiently.
    public struct Configuration: Sendable, Hashable {
        /// A libpq connection URI (`postgresql://user@host:port/database`).
        public var url: String
        /// The most connections open at once.
        public var maximumConnections: Int
        /// The longest wait for a connection to be made.
        public var connectTimeout: Duration
        /// The longest wait for a connection another caller holds.
        public var acquireTimeout: Duration
        /// The pause between attempts to connect after failures.
        public var backoff: Backoff

        public init(
            url: String, maximumConnections: Int = 4, connectTimeout: Duration = .seconds(5),
            acquireTimeout: Duration = .seconds(5), backoff: Backoff = Backoff()
        ) {
            precondition(maximumConnections > 0, "a pool needs at least one connection")
            self.url = url
            self.maximumConnections = maximumConnections
            self.connectTimeout = connectTimeout
            self.acquireTimeout = acquireTimeout
            self.backoff = backoff
        }
    }

    public let configuration: Configuration
    /// One permit per connection the pool may lend: a borrower takes one before anything else.
    private let permits: DispatchSemaphore
    private let state: Locked<State>

    private struct State {
        var idle: [PostgresConnection] = []
        var failuresInARow = 0
        var lastFailure: PostgresError?
        var nextAttempt: ContinuousClock.Instant?
        var isClosed = false
    }

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        permits = DispatchSemaphore(value: configuration.maximumConnections)
        state = Locked(State())
    }

    /// Lends a connection to `body` and takes it back afterwards; `body` must not keep it.
    ///
    /// When `body` throws a `PostgresError` that broke the connection, the connection is closed
    /// rather than kept. Nothing is retried: a statement that failed with the connection may or
    /// may not have committed, which only the caller can find out.
    /// - Throws: `PostgresError` of kind `.timeout` when no connection was free within
    ///   `acquireTimeout`, `.connection` when none could be made (or the backoff after the last
    ///   failure has not yet passed), or what `body` threw.
    @discardableResult
    public func withConnection<Value>(_ body: (PostgresConnection) throws -> Value) throws -> Value {
        guard permits.wait(timeout: .now() + configuration.acquireTimeout.dispatchInterval) == .success else {
            throw PostgresError(.timeout, message: "no free connection within \(configuration.acquireTimeout)")
        }
        defer { permits.signal() }
        let connection = try checkOut()
        do {
            let value = try body(connection)
            checkIn(connection)
            return value
        } catch {
            // A broken connection is not kept: it closes when released here.
            if (error as? PostgresError)?.breaksConnection != true { checkIn(connection) }
            throw error
        }
    }

    /// Closes the idle connections and every lent one when it comes back; later calls throw.
    public func close() {
        let idle = state.withLock { state in
            state.isClosed = true
            let idle = state.idle
            state.idle = []
            return idle
        }
        // Released here, outside the lock: each connection closes as it goes.
        _ = idle
    }

    /// The number of open connections the pool holds idle (for tests and metrics).
    public var idleCount: Int { state.withLock { $0.idle.count } }

    /// An idle connection that is still open, or a new one.
    private func checkOut() throws -> PostgresConnection {
        while let idle = try takeIdleOrClearToConnect() {
            if idle.isStillOpen() { return idle }
        }
        do {
            let connection = try PostgresConnection(url: configuration.url, connectTimeout: configuration.connectTimeout)
            state.withLock { state in
                state.failuresInARow = 0
                state.lastFailure = nil
                state.nextAttempt = nil
            }
            return connection
        } catch let failure as PostgresError {
            let backoff = configuration.backoff
            state.withLock { state in
                state.failuresInARow += 1
                state.lastFailure = failure
                state.nextAttempt = .now + backoff.delay(afterFailures: state.failuresInARow)
            }
            throw failure
        }
    }

    /// An idle connection, or nil when a new one may be made now.
    private func takeIdleOrClearToConnect() throws -> PostgresConnection? {
        try state.withLock { state in
            if state.isClosed { throw PostgresError(.connection, message: "the pool is closed") }
            if let idle = state.idle.popLast() { return idle }
            if let next = state.nextAttempt, ContinuousClock.now < next {
                let wait = ContinuousClock.now.duration(to: next)
                let last = state.lastFailure?.message ?? "unknown"
                throw PostgresError(.connection, message: "PostgreSQL is unreachable (\(last)); next attempt in \(wait)")
            }
            return nil
        }
    }

    /// Keeps a returned connection for the next caller, unless it broke or was left inside a
    /// transaction (which would otherwise carry over to a borrower that knows nothing of it).
    private func checkIn(_ connection: PostgresConnection) {
        let keep = connection.isOpen && !connection.isInTransaction
        state.withLock { state in
            if keep && !state.isClosed { state.idle.append(connection) }
        }
    }
}

extension Duration {
    /// The duration as Dispatch's interval, to the nanosecond.
    fileprivate var dispatchInterval: DispatchTimeInterval {
        .nanoseconds(Int(clamping: components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000))
    }
}
