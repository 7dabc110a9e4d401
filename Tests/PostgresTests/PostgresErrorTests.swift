import Postgres
import Testing

@Suite struct PostgresErrorTests {
    @Test(
        arguments: [
            (PostgresError.Kind.connection, nil, true),
            (.client, nil, true),
            (.timeout, nil, false),
            (.server, "23505", false),
            (.server, "42601", false),
            (.server, "08006", true),
            (.server, "57P01", true),
            (.server, "57014", false),
        ] as [(PostgresError.Kind, String?, Bool)])
    func whichErrorsBreakTheConnection(kind: PostgresError.Kind, sqlState: String?, breaks: Bool) {
        #expect(PostgresError(kind, sqlState: sqlState, message: "m").breaksConnection == breaks)
    }

    @Test func theDescriptionCarriesTheStateMessageAndDetail() {
        let error = PostgresError(.server, sqlState: "23505", message: "duplicate key", detail: "Key (id)=(1) already exists.")
        #expect(error.description == "PostgreSQL server 23505: duplicate key (Key (id)=(1) already exists.)")
    }
}
