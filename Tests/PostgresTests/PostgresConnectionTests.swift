import Foundation
import Postgres
import PostgresTestSupport
import Testing

@Suite(.enabled(if: PostgresTestCluster.isAvailable, "PostgreSQL's server binaries are not installed (make test installs postgresql)"))
struct PostgresConnectionTests {
    let cluster: PostgresTestCluster
    let connection: PostgresConnection

    init() throws {
        cluster = try PostgresTestCluster()
        connection = try PostgresConnection(url: cluster.url)
    }

    @Test func selectsRowsWithColumnNamesAndNulls() throws {
        let result = try connection.execute("SELECT 1 AS one, NULL::text AS nothing, 'x' AS letter")
        #expect(result.columns == ["one", "nothing", "letter"])
        #expect(result.rows.count == 1)
        #expect(result.rows[0]["one"] == "1")
        #expect(result.rows[0]["nothing"] == nil)
        #expect(result.rows[0][2] == "x")
        #expect(result.scalar == "1")
        #expect(result.commandTag == "SELECT 1")
    }

    @Test func parametersBindNullsUnicodeAndQuotesAsValues() throws {
        try connection.execute("CREATE TABLE notes (id int PRIMARY KEY, body text)")
        let values: [String?] = ["Zoë in 東京 — 🚀 naïve", nil, "'); DROP TABLE notes; --", ""]
        for (index, value) in values.enumerated() {
            let insert = try connection.execute("INSERT INTO notes (id, body) VALUES ($1, $2)", parameters: [String(index), value])
            #expect(insert.affectedRows == 1)
        }
        let result = try connection.execute("SELECT body FROM notes WHERE id >= $1 ORDER BY id", parameters: ["0"])
        #expect(result.rows.map { $0["body"] } == values)
        let found = try connection.execute("SELECT id FROM notes WHERE body = $1", parameters: ["Zoë in 東京 — 🚀 naïve"])
        #expect(found.scalar == "0")
        let nulls = try connection.execute("SELECT count(*) FROM notes WHERE body IS NULL")
        #expect(nulls.scalar == "1")
    }

    @Test func aServerErrorCarriesItsSQLStateAndLeavesTheConnectionUsable() throws {
        try connection.execute("CREATE TABLE keys (id text PRIMARY KEY)")
        try connection.execute("INSERT INTO keys VALUES ($1)", parameters: ["a"])
        #expect {
            try connection.execute("INSERT INTO keys VALUES ($1)", parameters: ["a"])
        } throws: { error in
            let failure = error as? PostgresError
            return failure?.kind == .server && failure?.sqlState == "23505" && failure?.detail?.contains("already exists") == true
                && failure?.breaksConnection == false
        }
        #expect { try connection.execute("SELEC 1") } throws: { ($0 as? PostgresError)?.sqlState == "42601" }
        #expect(connection.isOpen)
        #expect(try connection.execute("SELECT count(*) FROM keys").scalar == "1")
    }

    @Test func aScriptRunsSeveralStatements() throws {
        try connection.executeScript("CREATE TABLE a (n int); INSERT INTO a VALUES (1), (2); INSERT INTO a VALUES (3)")
        #expect(try connection.execute("SELECT sum(n) FROM a").scalar == "6")
        #expect { try connection.executeScript("INSERT INTO a VALUES (4); SELECT * FROM missing") } throws: {
            ($0 as? PostgresError)?.sqlState == "42P01"
        }
        // A script that fails runs as one implicit transaction: the insert before the failure is gone.
        #expect(try connection.execute("SELECT count(*) FROM a").scalar == "3")
    }

    @Test func aTransactionCommitsOrRollsBack() throws {
        struct Refused: Error {}
        try connection.execute("CREATE TABLE t (n int)")
        let value = try connection.transaction { connection in
            try connection.execute("INSERT INTO t VALUES (1)")
            #expect(connection.isInTransaction)
            return 7
        }
        #expect(!connection.isInTransaction)
        #expect(value == 7)
        #expect(throws: Refused.self) {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (2)")
                throw Refused()
            }
        }
        #expect(try connection.execute("SELECT array_agg(n)::text FROM t").scalar == "{1}")
        #expect(!connection.isInTransaction)
    }

    @Test func aTransactionWhoseErrorWasSwallowedDoesNotCommit() throws {
        try connection.execute("CREATE TABLE t (n int PRIMARY KEY)")
        #expect {
            try connection.transaction { connection in
                try connection.execute("INSERT INTO t VALUES (1)")
                _ = try? connection.execute("INSERT INTO t VALUES (1)")
            }
        } throws: { ($0 as? PostgresError)?.sqlState == "25P02" }
        #expect(!connection.isInTransaction)
        #expect(try connection.execute("SELECT count(*) FROM t").scalar == "0")
    }

    @Test func aLongStatementIsCancelledAfterItsTimeout() throws {
        let started = ContinuousClock.now
        #expect { try connection.execute("SELECT pg_sleep(30)", timeout: .milliseconds(200)) } throws: { error in
            let failure = error as? PostgresError
            return failure?.kind == .timeout && failure?.sqlState == "57014" && failure?.breaksConnection == false
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(connection.isOpen && !connection.isInTransaction)
        #expect(try connection.execute("SELECT 1", timeout: .seconds(5)).scalar == "1")
    }

    @Test func aStatementWaitingOnALockIsCancelledAfterItsTimeout() throws {
        let holder = try PostgresConnection(url: cluster.url)
        try holder.execute("SELECT pg_advisory_lock(7)")
        #expect { try connection.execute("SELECT pg_advisory_lock(7)", timeout: .milliseconds(200)) } throws: {
            ($0 as? PostgresError)?.kind == .timeout
        }
        try holder.execute("SELECT pg_advisory_unlock(7)")
        #expect(try connection.execute("SELECT pg_try_advisory_lock(7)", timeout: .seconds(5)).scalar == "t")
    }

    @Test func aServerThatAnswersNothingIsGivenUpAfterTwiceTheTimeout() throws {
        let backend = connection.serverProcessID
        // A stopped backend answers neither the statement nor its cancellation.
        kill(backend, SIGSTOP)
        defer { kill(backend, SIGCONT) }
        let started = ContinuousClock.now
        #expect { try connection.execute("SELECT 1", timeout: .milliseconds(200)) } throws: {
            ($0 as? PostgresError)?.kind == .connection
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(!connection.isOpen)
        #expect { try connection.execute("SELECT 1") } throws: { ($0 as? PostgresError)?.breaksConnection == true }
    }

    @Test func identifiersAreQuoted() throws {
        #expect(try connection.quotedIdentifier("events") == "\"events\"")
        #expect(try connection.quotedIdentifier("a\"b") == "\"a\"\"b\"")
    }

    @Test func nothingListeningIsAConnectionError() throws {
        let port = cluster.port
        cluster.stop()
        let started = ContinuousClock.now
        #expect {
            try PostgresConnection(url: "postgresql://dateline@127.0.0.1:\(port)/postgres", connectTimeout: .seconds(2))
        } throws: { error in
            (error as? PostgresError)?.kind == .connection && (error as? PostgresError)?.message.contains("\(port)") == true
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aLostConnectionIsAConnectionError() throws {
        let other = try PostgresConnection(url: cluster.url)
        try other.execute("SELECT pg_terminate_backend($1)", parameters: [String(connection.serverProcessID)])
        try other.waitUntilGone(connection.serverProcessID)
        #expect { try connection.execute("SELECT 1") } throws: { ($0 as? PostgresError)?.breaksConnection == true }
        #expect(!connection.isOpen)
    }

    @Test func anIdleConnectionNoticesTheServerWentAway() throws {
        #expect(connection.isStillOpen())
        let other = try PostgresConnection(url: cluster.url)
        try other.execute("SELECT pg_terminate_backend($1)", parameters: [String(connection.serverProcessID)])
        try other.waitUntilGone(connection.serverProcessID)
        let deadline = ContinuousClock.now + .seconds(5)
        while connection.isStillOpen() && ContinuousClock.now < deadline { usleep(10_000) }
        #expect(!connection.isStillOpen())
    }
}
