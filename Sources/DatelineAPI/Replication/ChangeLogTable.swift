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
    /// moves the head to the last entry's version, notifying the other replicas at commit.
    static func append(_ entries: [Entry], records: [ChangeRecord], snapshot: StoreSnapshot, _ connection: PostgresConnection) throws {
        guard let last = entries.last?.version else { return }
        for entry in entries {
            let record = String(decoding: try CompactJSONEncoder().encode(entry.changes), as: UTF8.self)
            try connection.execute(
                "INSERT INTO dateline_changes (version, record) VALUES ($1, $2::jsonb)",
                parameters: [String(entry.version), record], timeout: statementTimeout)
        }
        var latest: [String: ChangeRecord] = [:]
        for record in records { latest["\(record.kind.rawValue)/\(record.id)"] = record }
        for record in latest.values { try mirror(record, snapshot: snapshot, connection) }
        try connection.execute("UPDATE dateline_head SET version = $1", parameters: [String(last)], timeout: statementTimeout)
        try connection.execute("SELECT pg_notify($1, $2)", parameters: [channel, String(last)], timeout: statementTimeout)
    }

    /// Writes the item a record names as the snapshot holds it, or deletes its row when the
    /// snapshot no longer holds it.
    private static func mirror(_ record: ChangeRecord, snapshot: StoreSnapshot, _ connection: PostgresConnection) throws {
        let table: String
        let body: [UInt8]?
        switch record.kind {
        case .article:
            table = "dateline_articles"
            body = try snapshot.article(record.id).map { try CompactJSONEncoder().encode($0) }
        case .entity:
            table = "dateline_entities"
            body = try snapshot.entity(record.id).map { try CompactJSONEncoder().encode($0) }
        case .event:
            table = "dateline_events"
            body = try snapshot.event(record.id).map { try CompactJSONEncoder().encode($0) }
        }
        if let body {
            try connection.execute(
                """
                INSERT INTO \(table) (id, body, version) VALUES ($1, $2::jsonb, $3)
                ON CONFLICT (id) DO UPDATE SET body = excluded.body, version = excluded.version
                """,
                parameters: [record.id, String(decoding: body, as: UTF8.self), String(record.version)], timeout: statementTimeout)
        } else {
            try connection.execute("DELETE FROM \(table) WHERE id = $1", parameters: [record.id], timeout: statementTimeout)
        }
    }
}
