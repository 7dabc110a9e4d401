import Foundation
import Locking
import Postgres
import PostgresTestSupport
import Testing

@Suite(.enabled(if: PostgresTestCluster.isAvailable, "PostgreSQL's server binaries are not installed (make test installs postgresql)"))
struct MigratorTests {
    let cluster: PostgresTestCluster
    let connection: PostgresConnection

    init() throws {
        cluster = try PostgresTestCluster()
        connection = try PostgresConnection(url: cluster.url)
    }

    func recordedVersions() throws -> [String?] {
        try connection.execute("SELECT version FROM dateline_schema_migrations ORDER BY version").rows.map { $0[0] }
    }

    @Test func theSchemaIsAppliedOnceAndRecorded() throws {
        let migrator = Migrator(DatelineSchema.migrations)
        #expect(try migrator.apply(on: connection) == DatelineSchema.migrations.map(\.version))
        #expect(try migrator.apply(on: connection) == [])
        #expect(try recordedVersions() == DatelineSchema.migrations.map { String($0.version) })
        #expect(try connection.execute("SELECT version FROM dateline_head").rows.map { $0[0] } == ["0"])
        for table in ["dateline_changes", "dateline_articles", "dateline_entities", "dateline_events"] {
            #expect(try connection.execute("SELECT count(*) FROM \(table)").scalar == "0")
        }
    }

    @Test func theHeadHoldsOneRowAndTheLogOneRowPerVersion() throws {
        try Migrator(DatelineSchema.migrations).apply(on: connection)
        #expect { try connection.execute("INSERT INTO dateline_head (version) VALUES (1)") } throws: {
            ($0 as? PostgresError)?.sqlState == "23505"
        }
        #expect { try connection.execute("INSERT INTO dateline_head (only_row, version) VALUES (false, 1)") } throws: {
            ($0 as? PostgresError)?.sqlState == "23514"
        }
        let version = try connection.transaction { connection in
            let next = try connection.execute("UPDATE dateline_head SET version = version + 1 RETURNING version").scalar
            try connection.execute(
                "INSERT INTO dateline_changes (version, record) VALUES ($1, $2)", parameters: [next, #"{"kind": "event"}"#])
            return next
        }
        #expect(version == "1")
        #expect { try connection.execute("INSERT INTO dateline_changes (version, record) VALUES (1, '{}')") } throws: {
            ($0 as? PostgresError)?.sqlState == "23505"
        }
        #expect(try connection.execute("SELECT record->>'kind' FROM dateline_changes WHERE version = 1").scalar == "event")
    }

    @Test func replicasStartingTogetherApplyEachStepOnce() throws {
        // A slow second step widens the window in which unlocked migrators would collide.
        let migrations =
            DatelineSchema.migrations + [
                Migration(
                    version: 100, name: "slow",
                    sql: "SELECT pg_sleep(0.3); CREATE TABLE slow_step (n int); INSERT INTO slow_step VALUES (1)")
            ]
        let url = cluster.url
        let outcomes = Locked([Result<[Int], PostgresError>]())
        DispatchQueue.concurrentPerform(iterations: 5) { _ in
            let outcome: Result<[Int], PostgresError>
            do {
                let connection = try PostgresConnection(url: url)
                outcome = .success(try Migrator(migrations).apply(on: connection))
            } catch {
                outcome = .failure(error as? PostgresError ?? PostgresError(.client, message: "\(error)"))
            }
            outcomes.withLock { $0.append(outcome) }
        }
        let results = outcomes.withLock { $0 }
        let applied = try results.map { try $0.get() }
        #expect(applied.filter { !$0.isEmpty } == [migrations.map(\.version)])
        #expect(applied.filter(\.isEmpty).count == 4)
        #expect(try connection.execute("SELECT count(*) FROM slow_step").scalar == "1")
        #expect(try recordedVersions() == migrations.map { String($0.version) })
    }

    @Test func aFailingStepIsRolledBackAndLeftUnrecorded() throws {
        let migrations = [
            Migration(version: 1, name: "good", sql: "CREATE TABLE good (n int)"),
            Migration(version: 2, name: "bad", sql: "CREATE TABLE half (n int); SELECT * FROM missing"),
        ]
        #expect { try Migrator(migrations).apply(on: connection) } throws: { ($0 as? PostgresError)?.sqlState == "42P01" }
        #expect(try recordedVersions() == ["1"])
        #expect(try connection.execute("SELECT to_regclass('half') IS NULL").scalar == "t")
        #expect(try connection.execute("SELECT to_regclass('good') IS NOT NULL").scalar == "t")
        let fixed = [migrations[0], Migration(version: 2, name: "fixed", sql: "CREATE TABLE half (n int)")]
        #expect(try Migrator(fixed).apply(on: connection) == [2])
    }

    @Test func aSchemaNewerThanTheBuildIsRefused() throws {
        let newer = DatelineSchema.migrations + [Migration(version: 999, name: "future", sql: "SELECT 1")]
        try Migrator(newer).apply(on: connection)
        #expect { try Migrator(DatelineSchema.migrations).apply(on: connection) } throws: {
            ($0 as? PostgresError)?.message.contains("999") == true
        }
        #expect(try connection.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").scalar == "0", "the lock was released")
    }
}
