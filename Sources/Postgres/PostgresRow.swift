/// One row of a `PostgresResult`: its values as text, readable by position or by column name.
public struct PostgresRow: Sendable, Hashable {
    /// The result's column names (shared by its rows).
    public let columns: [String]
    /// The values in column order; a SQL NULL is `nil`.
    public let values: [String?]

    /// The value of the named column; the column must be one the statement selected.
    public subscript(column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else {
            preconditionFailure("no column \"\(column)\" in \(columns)")
        }
        return values[index]
    }

    /// The value at `index`, in the order the statement selected the columns.
    public subscript(index: Int) -> String? { values[index] }
}
