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
    private let state: Locked<PoolState<PostgresConnection>>

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        permits = DispatchSemaphore(value: configuration.maximumConnections)
        state = Locked(PoolState(backoff: configuration.backoff))
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
            checkIn(connection, broken: false)
            return value
        } catch {
            checkIn(connection, broken: (error as? PostgresError)?.breaksConnection == true)
            throw error
        }
    }

    /// Closes the idle connections and every lent one when it comes back; later calls throw.
    public func close() {
        let idle = state.withLock { $0.close() }
        // Released here, outside the lock: each connection closes as it goes.
        _ = idle
    }

    /// The number of open connections the pool holds idle (for tests and metrics).
    public var idleCount: Int { state.withLock { $0.idle.count } }

    /// An idle connection that is still open, or a new one.
    private func checkOut() throws -> PostgresConnection {
        while true {
            switch state.withLock({ $0.lend(at: .now) }) {
            case .idle(let connection):
                if connection.isStillOpen() { return connection }
            case .refuse(let failure):
                throw failure
            case .connect:
                do {
                    let connection = try PostgresConnection(url: configuration.url, connectTimeout: configuration.connectTimeout)
                    state.withLock { $0.connected() }
                    return connection
                } catch let failure as PostgresError {
                    state.withLock { $0.failedToConnect(failure, at: .now) }
                    throw failure
                }
            }
        }
    }

    /// Keeps a returned connection for the next caller, unless it broke or was left inside a
    /// transaction (which would otherwise carry over to a borrower that knows nothing of it).
    private func checkIn(_ connection: PostgresConnection, broken: Bool) {
        let usable = !broken && connection.isOpen && !connection.isInTransaction
        let released = state.withLock { $0.takeBack(connection, usable: usable) }
        // Released here, outside the lock, when not kept.
        _ = released
    }
}
