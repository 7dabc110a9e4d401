import Postgres
import PostgresTestSupport
import Testing

@testable import DatelineAPI

@Suite(.enabled(if: PostgresTestCluster.isAvailable, "PostgreSQL's server is not installed"))
struct ChangeLogTableTests {
    @Test func arrayLiteralsReachTheServerAsWritten() throws {
        let cluster = try PostgresTestCluster()
        let connection = try PostgresConnection(url: cluster.url)
        let values = [
            "plain", "", "NULL", "with \"quotes\"", #"back\slash"#, "{braces}, commas", "Ωmega – 中文 🙂", "line\nbreak", " spaced ",
            #"{"json":"\"escaped\""}"#,
        ]
        let result = try connection.execute("SELECT unnest($1::text[])", parameters: [ChangeLogTable.arrayLiteral(values)])
        #expect(result.rows.map { $0[0] } == values)
        #expect(try connection.execute("SELECT cardinality($1::text[])", parameters: [ChangeLogTable.arrayLiteral([])]).scalar == "0")
    }
}
