/// One step of a database schema: applied once, in version order, inside a transaction.
public struct Migration: Sendable, Hashable {
    /// Orders the steps; recorded in `dateline_schema_migrations` once applied. Never reuse or
    /// renumber a version that has shipped: add a new step instead.
    public let version: Int
    /// A few words on what the step does, recorded beside its version.
    public let name: String
    /// The statements, separated by semicolons; no parameters.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        precondition(version > 0, "migration versions start at 1")
        self.version = version
        self.name = name
        self.sql = sql
    }
}
