/// Brings a database's schema up to date with a list of migrations, safely from many processes
/// at once.
///
/// Under a session-level `pg_advisory_lock`, it creates `dateline_schema_migrations` if needed,
/// reads the versions already applied, and applies the others in order, each in its own
/// transaction together with the row that records it. Replicas that start together queue on
/// the lock: the first applies the steps, the others find them applied. A process that dies
/// mid-way loses its session, which releases the lock and rolls back the step it was in.
///
/// ```swift
/// let applied = try Migrator(DatelineSchema.migrations).apply(on: connection)
/// ```
public struct Migrator: Sendable {
    /// The advisory lock's key, shared by every process that migrates this schema ("dateline" in ASCII).
    public static let lockKey: Int64 = 0x6461_7465_6C69_6E65

    public let migrations: [Migration]

    /// - Parameter migrations: in strictly increasing version order.
    public init(_ migrations: [Migration]) {
        precondition(
            zip(migrations, migrations.dropFirst()).allSatisfy { $0.version < $1.version }, "migrations must be in increasing version order"
        )
        self.migrations = migrations
    }

    /// Applies the migrations the database lacks, and returns their versions (empty when it was up to date).
    /// Blocks while another connection holds the migration lock.
    /// - Throws: `PostgresError` when a step fails (it is rolled back, and the steps before it
    ///   stay applied), or when the database records a version newer than any this list knows,
    ///   which means a newer release migrated it.
    @discardableResult
    public func apply(on connection: PostgresConnection) throws -> [Int] {
        try connection.execute("SELECT pg_advisory_lock($1)", parameters: [String(Self.lockKey)])
        defer { _ = try? connection.execute("SELECT pg_advisory_unlock($1)", parameters: [String(Self.lockKey)]) }
        try connection.executeScript(
            """
            CREATE TABLE IF NOT EXISTS dateline_schema_migrations (
                version bigint PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """)
        let recorded = try connection.execute("SELECT version FROM dateline_schema_migrations")
        let applied = Set(recorded.rows.compactMap { $0[0].flatMap { Int($0) } })
        if let newest = applied.max(), newest > (migrations.last?.version ?? 0) {
            throw PostgresError(
                .server,
                message: "the database schema is at version \(newest), newer than this build knows (\(migrations.last?.version ?? 0))")
        }
        var done: [Int] = []
        for migration in migrations where !applied.contains(migration.version) {
            try connection.transaction { connection in
                try connection.executeScript(migration.sql)
                try connection.execute(
                    "INSERT INTO dateline_schema_migrations (version, name) VALUES ($1, $2)",
                    parameters: [String(migration.version), migration.name])
            }
            done.append(migration.version)
        }
        return done
    }
}
