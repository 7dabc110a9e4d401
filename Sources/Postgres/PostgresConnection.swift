import CPostgres

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection to PostgreSQL through libpq, with blocking calls.
///
/// Every call waits on the network: use a connection from a dedicated thread (or a queue that
/// serves nothing else), never from an event loop. libpq lets one thread at a time use a
/// connection; a `PostgresPool` lends each of its connections to one caller at a time.
///
/// ```swift
/// let connection = try PostgresConnection(url: "postgresql://dateline@127.0.0.1:5432/dateline")
/// let result = try connection.execute("SELECT body FROM dateline_events WHERE id = $1", parameters: ["e1"])
/// ```
public final class PostgresConnection: @unchecked Sendable {
    // Unchecked because libpq's connection object has no lock of its own: it is Sendable so
    // that a pool can hand it from thread to thread, and only the thread that holds it (the
    // creator, or the caller a pool lent it to) calls it.
    let handle: OpaquePointer
    /// Set when a statement outlived its cancellation: the connection's state is unknown, so it
    /// counts as closed.
    var isAbandoned = false

    /// Connects, waiting at most `connectTimeout` (libpq rounds it up to whole seconds, and waits
    /// at least 2) for each address the URL names.
    /// - Parameter url: a libpq connection URI (`postgresql://user@host:port/database`) or a
    ///   `key=value` connection string.
    /// - Throws: `PostgresError` of kind `.connection` with libpq's message.
    public init(url: String, connectTimeout: Duration = .seconds(5)) throws {
        let seconds = max(2, Int(connectTimeout.components.seconds) + (connectTimeout.components.attoseconds > 0 ? 1 : 0))
        let settings = [("dbname", url), ("connect_timeout", String(seconds))]
        guard let handle = Self.connect(settings) else {
            throw PostgresError(.connection, message: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = Self.text(PQerrorMessage(handle))
            PQfinish(handle)
            throw PostgresError(.connection, message: message)
        }
        // Notices ("relation already exists, skipping") would go to standard error.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// Whether libpq still holds the connection as open; it learns of a loss on the next call
    /// that reads from the server (see `isStillOpen()`).
    public var isOpen: Bool { !isAbandoned && PQstatus(handle) == CONNECTION_OK }

    /// Whether a transaction is open (or failed and awaits its ROLLBACK) on this connection.
    public var isInTransaction: Bool {
        let status = PQtransactionStatus(handle)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE
    }

    /// The process id of the server backend serving this connection.
    public var serverProcessID: Int32 { PQbackendPID(handle) }

    /// Runs one statement with `$1`, `$2`… bound to `parameters` as text (`nil` binds NULL), and
    /// returns its rows as text. The parameters never become part of the SQL text.
    /// - Parameter timeout: when given, the statement is cancelled on the server once it has run
    ///   this long; if even the cancellation gets no answer within as long again, the connection
    ///   is given up. Nil waits as long as the statement runs.
    /// - Throws: `PostgresError`: `.server` with the SQLSTATE when the server refused the
    ///   statement, `.timeout` (SQLSTATE 57014) when it was cancelled after `timeout`,
    ///   `.connection` when the connection was lost.
    @discardableResult
    public func execute(_ sql: String, parameters: [String?] = [], timeout: Duration? = nil) throws -> PostgresResult {
        let copies = parameters.map { $0.map { strdup($0) } ?? nil }
        defer { copies.forEach { free($0) } }
        let values = copies.map { UnsafePointer($0) }
        return try run(timeout: timeout) { PQsendQueryParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0) }
    }

    /// Runs `sql`, which may hold several statements separated by semicolons and takes no
    /// parameters (for schema scripts). Outside a transaction the statements run as one; the
    /// first that fails ends the script. `timeout` is as for `execute`.
    public func executeScript(_ sql: String, timeout: Duration? = nil) throws {
        try run(timeout: timeout) { PQsendQuery(handle, sql) }
    }

    /// Runs `body` between BEGIN and COMMIT; rolls back and rethrows when `body` throws.
    /// - Throws: what `body` threw, or `PostgresError` when BEGIN or COMMIT failed, or when
    ///   COMMIT found the transaction already failed (an error `body` caught and did not rethrow).
    @discardableResult
    public func transaction<Value>(_ body: (PostgresConnection) throws -> Value) throws -> Value {
        try execute("BEGIN")
        let value: Value
        do {
            value = try body(self)
        } catch {
            if isOpen { _ = try? execute("ROLLBACK") }
            throw error
        }
        let commit = try execute("COMMIT")
        guard commit.commandTag == "COMMIT" else {
            throw PostgresError(.server, sqlState: "25P02", message: "the transaction failed and was rolled back")
        }
        return value
    }

    /// `name` quoted as an SQL identifier (`"events"`), safe to splice into statement text.
    public func quotedIdentifier(_ name: String) throws -> String {
        guard let quoted = PQescapeIdentifier(handle, name, name.utf8.count) else {
            throw PostgresError(.client, message: Self.text(PQerrorMessage(handle)))
        }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// Reads what the server sent while the connection sat idle (a shutdown notice, the end of
    /// the stream) without waiting, and tells whether the connection is still open. A pool asks
    /// this before lending an idle connection, so that a server restart is not first seen by a write.
    public func isStillOpen() -> Bool {
        guard isOpen else { return false }
        let socket = PQsocket(handle)
        guard socket >= 0 else { return false }
        if (try? SocketWait.readable(socket, timeout: .zero)) ?? true {
            guard PQconsumeInput(handle) == 1 else { return false }
        }
        return isOpen
    }

    /// Turns a libpq result into rows, or its failure into a `PostgresError`; frees the result.
    @discardableResult
    func read(_ result: OpaquePointer?) throws -> PostgresResult {
        guard let result else { throw failure(sqlState: nil, message: Self.text(PQerrorMessage(handle)), detail: nil) }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return Self.rows(of: result)
        default:
            let field = { (code: Int32) in PQresultErrorField(result, code).map { String(cString: $0) } }
            let message = field(dateline_PG_DIAG_MESSAGE_PRIMARY) ?? Self.text(PQresultErrorMessage(result))
            throw failure(sqlState: field(dateline_PG_DIAG_SQLSTATE), message: message, detail: field(dateline_PG_DIAG_MESSAGE_DETAIL))
        }
    }

    /// A failed command's error: `.connection` when the connection broke with it.
    func failure(sqlState: String?, message: String, detail: String?) -> PostgresError {
        if !isOpen { return PostgresError(.connection, sqlState: sqlState, message: message, detail: detail) }
        return PostgresError(sqlState == nil ? .client : .server, sqlState: sqlState, message: message, detail: detail)
    }

    private static func rows(of result: OpaquePointer) -> PostgresResult {
        let columnCount = PQnfields(result)
        let rowCount = PQntuples(result)
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        let rows = (0..<rowCount).map { row in
            (0..<columnCount).map { column -> String? in
                PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
            }
        }
        return PostgresResult(
            columns: columns, rows: rows, affectedRows: Int(String(cString: PQcmdTuples(result))) ?? 0,
            commandTag: String(cString: PQcmdStatus(result)))
    }

    private static func connect(_ settings: [(String, String)]) -> OpaquePointer? {
        let keys = settings.map { strdup($0.0) }
        let values = settings.map { strdup($0.1) }
        defer { (keys + values).forEach { free($0) } }
        let keyList = keys.map { UnsafePointer($0) } + [nil]
        let valueList = values.map { UnsafePointer($0) } + [nil]
        // expand_dbname 1: the `dbname` value is read as a URI or connection string.
        return PQconnectdbParams(keyList, valueList, 1)
    }

    /// libpq's message text without its trailing newline.
    static func text(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown libpq error" }
        var text = String(cString: message)
        while text.last?.isNewline == true { text.removeLast() }
        return text.isEmpty ? "unknown libpq error" : text
    }
}
