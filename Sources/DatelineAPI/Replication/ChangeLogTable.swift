import FoundationEssentials
import HTTPServer
import NewsModel
import Postgres

/// The statements that read and write Dateline's tables in PostgreSQL (see `DatelineSchema`):
/// the head counter, the ordered change log and the current rows.
enum ChangeLogTable {
    /// The notification channel: its payload is the version a commit made.
    static let channel = "dateline_changes"
    /// The advisory lock the first replica holds while it extracts the seed into an empty database.
    static let seedLockKey = "7233526893412089445"
    /// The longest any one statement may run before it is cancelled.
    static let statementTimeout: Duration = .seconds(5)

    /// One version of the log: the changes that made it.
    struct Entry: Sendable {
        var version: UInt64
        var changes: [StoreChange]
    }

    /// The version every replica agrees is committed.
    static func head(_ connection: PostgresConnection, lock: Bool = false) throws -> UInt64 {
        let sql = "SELECT version FROM dateline_head" + (lock ? " FOR UPDATE" : "")
        guard let text = try connection.execute(sql, timeout: statementTimeout).scalar, let version = UInt64(text) else {
            throw DatabaseUnavailable(reason: "dateline_head holds no version")
        }
        return version
    }

    /// The log after `version`, oldest first, at most `limit` entries.
    static func entries(after version: UInt64, limit: Int, _ connection: PostgresConnection) throws -> [Entry] {
        let result = try connection.execute(
            "SELECT version, record::text FROM dateline_changes WHERE version > $1 ORDER BY version LIMIT $2",
            parameters: [String(version), String(limit)], timeout: statementTimeout)
        let decoder = JSONDecoder()
        return try result.rows.map { row in
            guard let text = row[0], let version = UInt64(text), let record = row[1] else {
                throw DatabaseUnavailable(reason: "a change log row has no version or record")
            }
            return Entry(version: version, changes: try decoder.decode([StoreChange].self, from: Data(record.utf8)))
        }
    }

    /// Appends `entries` to the log in the transaction `connection` is in, mirrors what they did
    /// into the current rows (as `snapshot`, the state after the last of them, holds them), and
    /// moves the head to the last entry's version, notifying the other replicas at commit. A
    /// handful of statements however many entries: each table takes its rows as arrays.
    static func append(_ entries: [Entry], records: [ChangeRecord], snapshot: StoreSnapshot, _ connection: PostgresConnection) throws {
        guard let last = entries.last?.version else { return }
        let encoded = try entries.map { String(decoding: try CompactJSONEncoder().encode($0.changes), as: UTF8.self) }
        try connection.execute(
            "INSERT INTO dateline_changes (version, record) SELECT * FROM unnest($1::bigint[], $2::jsonb[])",
            parameters: [arrayLiteral(entries.map { String($0.version) }), arrayLiteral(encoded)], timeout: statementTimeout)
        // The last record of each item, by kind.
        var latest: [ItemKind: [String: ChangeRecord]] = [:]
        for record in records { latest[record.kind, default: [:]][record.id] = record }
        for (kind, records) in latest { try mirror(Array(records.values), of: kind, snapshot: snapshot, connection) }
        try connection.execute("UPDATE dateline_head SET version = $1", parameters: [String(last)], timeout: statementTimeout)
        try connection.execute("SELECT pg_notify($1, $2)", parameters: [channel, String(last)], timeout: statementTimeout)
    }

    /// Writes the items the records name as the snapshot holds them, and deletes the rows of
    /// those it no longer holds.
    private static func mirror(_ records: [ChangeRecord], of kind: ItemKind, snapshot: StoreSnapshot, _ connection: PostgresConnection)
        throws
    {
        let table: String
        let encoded: (String) throws -> [UInt8]?
        switch kind {
        case .article: (table, encoded) = ("dateline_articles", { try snapshot.article($0).map { try CompactJSONEncoder().encode($0) } })
        case .entity: (table, encoded) = ("dateline_entities", { try snapshot.entity($0).map { try CompactJSONEncoder().encode($0) } })
        case .event: (table, encoded) = ("dateline_events", { try snapshot.event($0).map { try CompactJSONEncoder().encode($0) } })
        }
        var kept: [(id: String, body: String, version: UInt64)] = []
        var gone: [String] = []
        for record in records {
            if let body = try encoded(record.id) {
                kept.append((record.id, String(decoding: body, as: UTF8.self), record.version))
            } else {
                gone.append(record.id)
            }
        }
        if !kept.isEmpty {
            try connection.execute(
                """
                INSERT INTO \(table) (id, body, version) SELECT * FROM unnest($1::text[], $2::jsonb[], $3::bigint[])
                ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version
                """,
                parameters: [arrayLiteral(kept.map(\.id)), arrayLiteral(kept.map(\.body)), arrayLiteral(kept.map { String($0.version) })],
                timeout: statementTimeout)
        }
        if !gone.isEmpty {
            try connection.execute(
                "DELETE FROM \(table) WHERE id = ANY($1::text[])", parameters: [arrayLiteral(gone)], timeout: statementTimeout)
        }
    }

    /// `values` as a PostgreSQL array literal, every element quoted and its `"` and `\` escaped
    /// (`{"a","b\"c"}`), so that no text reads as NULL or splits.
    static func arrayLiteral(_ values: [String]) -> String {
        "{" + values.map { "\"" + $0.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"
    }
}
