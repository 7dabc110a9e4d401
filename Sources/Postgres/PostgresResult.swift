/// The rows a statement returned, as text (libpq's text format), with their column names.
///
/// ```swift
/// let result = try connection.execute("SELECT id, body FROM dateline_events WHERE version > $1", parameters: ["10"])
/// for row in result.rows { print(row["id"] ?? "null") }
/// ```
public struct PostgresResult: Sendable, Hashable {
    /// The column names, in the order the statement selected them.
    public let columns: [String]
    /// Every row; a SQL NULL is `nil`.
    public let rows: [PostgresRow]
    /// The rows an INSERT, UPDATE, DELETE (or SELECT) touched, from the command tag; 0 when the
    /// command reports none.
    public let affectedRows: Int
    /// The server's command tag: `INSERT 0 1`, `SELECT 3`, `COMMIT`.
    public let commandTag: String

    public init(columns: [String], rows: [[String?]], affectedRows: Int, commandTag: String) {
        self.columns = columns
        self.rows = rows.map { PostgresRow(columns: columns, values: $0) }
        self.affectedRows = affectedRows
        self.commandTag = commandTag
    }

    /// The first column of the first row: the answer of a `SELECT` of one value.
    public var scalar: String? { rows.first?.values.first ?? nil }
}
