/// What went wrong talking to PostgreSQL: the server's SQLSTATE and message when it answered with
/// an error, or libpq's own message when the connection could not be made or was lost.
public struct PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the failure came from, which decides whether a connection is still usable.
    public enum Kind: Sendable, Hashable {
        /// No connection could be made, or an open one broke; the connection is no longer usable.
        case connection
        /// The server refused a statement; the connection stays usable.
        case server
        /// A wait ran out: for a pool's free connection, or for the server to be tried again.
        case timeout
        /// libpq could not send or read a command on an open connection (out of memory, a
        /// protocol error); the connection is treated as broken.
        case client
    }

    public var kind: Kind
    /// The five-character SQLSTATE the server sent (`23505` for a unique violation), when it sent one.
    public var sqlState: String?
    /// The primary message, without libpq's trailing newline.
    public var message: String
    /// The server's detail line (which key was duplicated), when it sent one.
    public var detail: String?

    public init(_ kind: Kind, sqlState: String? = nil, message: String, detail: String? = nil) {
        self.kind = kind
        self.sqlState = sqlState
        self.message = message
        self.detail = detail
    }

    /// Whether the connection that raised this error must be closed rather than used again.
    ///
    /// True for lost connections, and for SQLSTATE class 08 (connection exception) and the
    /// shutdown codes of class 57 (`57P01` admin shutdown, `57P02` crash shutdown, `57P03` cannot
    /// connect now), which a server sends just before it closes the connection.
    public var breaksConnection: Bool {
        switch kind {
        case .connection, .client: return true
        case .timeout: return false
        case .server:
            guard let sqlState else { return false }
            return sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState)
        }
    }

    public var description: String {
        var text = "PostgreSQL \(kind)"
        if let sqlState { text += " \(sqlState)" }
        text += ": \(message)"
        if let detail { text += " (\(detail))" }
        return text
    }
}
