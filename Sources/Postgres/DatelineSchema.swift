/// The tables Dateline keeps in PostgreSQL when it is the store of record.
///
/// - `dateline_head`: one row, `version`, the global version counter. Each write transaction
///   updates it and takes the new value as its version; the row lock makes writers commit in
///   version order, so a reader never sees version n+1 committed before n (no gaps, unlike a
///   sequence, whose values are handed out before commit). Transactions therefore commit one at
///   a time: the next waits on the row until the previous commit has been flushed (a replica
///   commits its writers in batches, one transaction each).
/// - `dateline_changes`: one row per version, the store changes that made it: the ordered log a
///   new replica replays from the start and every replica follows.
/// - `dateline_articles`, `dateline_entities`, `dateline_events`: the current state, one JSON
///   body per id, with the version that last wrote it, for SQL queries; replicas never read them.
public enum DatelineSchema {
    /// Every migration, oldest first. Add new steps at the end; never edit one that has shipped.
    public static let migrations: [Migration] = [
        Migration(
            version: 1, name: "head, change log and current state",
            sql: """
                CREATE TABLE dateline_head (
                    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                    version bigint NOT NULL CHECK (version >= 0)
                );
                INSERT INTO dateline_head (version) VALUES (0);
                CREATE TABLE dateline_changes (
                    version bigint PRIMARY KEY CHECK (version > 0),
                    committed_at timestamptz NOT NULL DEFAULT now(),
                    record jsonb NOT NULL
                );
                CREATE TABLE dateline_articles (id text PRIMARY KEY, body jsonb NOT NULL, version bigint NOT NULL);
                CREATE TABLE dateline_entities (id text PRIMARY KEY, body jsonb NOT NULL, version bigint NOT NULL);
                CREATE TABLE dateline_events (id text PRIMARY KEY, body jsonb NOT NULL, version bigint NOT NULL);
                """)
    ]
}
