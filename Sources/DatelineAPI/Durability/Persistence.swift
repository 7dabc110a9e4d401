import Dispatch
import FoundationEssentials
import Locking
public import Logging
public import NewsModel

/// The one way changes reach the store: each batch is journaled and fsynced (when a data
/// directory is configured), then applied, then announced on the change feed, one batch at a
/// time so the journal, the versions and the feed agree.
public final class Persistence: Sendable {
    public let store: NewsStore
    public let feed: ChangeFeed
    private let directory: String?
    private let compactAfter: Int
    private let logger: Logger
    /// The open journal; nil without a data directory, and until `open` has replayed it.
    private let journal = Locked<Journal?>(nil)

    /// - Parameters:
    ///   - directory: where the snapshot and the journal live; nil keeps the store in memory only.
    ///   - compactAfter: journal records after which a snapshot is written and the journal emptied.
    public init(store: NewsStore, feed: ChangeFeed, directory: String?, compactAfter: Int = 10_000, logger: Logger) {
        self.store = store
        self.feed = feed
        self.directory = directory
        self.compactAfter = compactAfter
        self.logger = logger
    }

    private var snapshotPath: String? { directory.map { $0 + "/snapshot.json" } }
    private var journalPath: String? { directory.map { $0 + "/journal.ndjson" } }

    /// Loads the durable state: the latest snapshot, or else the seed (then a first snapshot
    /// of it), then every journal record after the snapshot. A torn or corrupt tail is cut
    /// off with a warning. Without a data directory it only runs `seed`.
    public func open(seed: () throws -> Void) throws {
        guard let directory, let snapshotPath, let journalPath else {
            try seed()
            return
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: snapshotPath) {
            guard let data = FileManager.default.contents(atPath: snapshotPath) else {
                throw DurabilityError(operation: "read", path: snapshotPath, errno: nil, reason: "the snapshot cannot be read")
            }
            store.restore(try JSONDecoder().decode(StoreContents.self, from: data))
        } else {
            try seed()
            try writeSnapshot(of: store.snapshot, to: snapshotPath)
        }
        let base = store.snapshot.version
        let contents = try Journal.read(path: journalPath)
        for warning in contents.warnings {
            logger.warning("journal: \(warning)", metadata: ["path": .string(journalPath)])
        }
        var replayed = 0
        for record in contents.records where record.version > base {
            store.apply(record.changes)
            replayed += 1
        }
        if let size = try? FileManager.default.attributesOfItem(atPath: journalPath)[.size] as? Int, size > contents.validBytes {
            try DurableFile.truncate(journalPath, to: contents.validBytes)
        }
        let opened = try Journal(path: journalPath, count: contents.records.count)
        journal.withLock { $0 = opened }
        logger.info(
            "durable state loaded",
            metadata: [
                "directory": .string(directory), "snapshot_version": .stringConvertible(Int(base)),
                "journal_records": .stringConvertible(replayed), "version": .stringConvertible(Int(store.snapshot.version)),
            ])
    }

    /// Journals and applies one batch; returns the snapshot it made. Throws only when the
    /// journal cannot be written, and then nothing was applied.
    @discardableResult
    public func commit(_ changes: [StoreChange]) throws -> StoreSnapshot {
        try journal.withLock { journal in
            if let journal {
                try journal.append(JournalRecord(version: store.snapshot.version + 1, changes: changes))
            }
            let snapshot = store.apply(changes)
            feed.publish(snapshot)
            if let journal, journal.count >= compactAfter, let snapshotPath {
                do {
                    try writeSnapshot(of: snapshot, to: snapshotPath)
                    try journal.reset()
                } catch {
                    // The journal still holds every write: compaction can wait for the next commit.
                    logger.error("compaction failed", metadata: ["error": "\(error)"])
                }
            }
            return snapshot
        }
    }

    /// Writes a snapshot now and empties the journal (also done every `compactAfter` records);
    /// `dateline reextract` ends with it.
    public func compact() throws {
        try journal.withLock { journal in
            guard let journal, let snapshotPath else { return }
            try writeSnapshot(of: store.snapshot, to: snapshotPath)
            try journal.reset()
        }
    }

    private func writeSnapshot(of snapshot: StoreSnapshot, to path: String) throws {
        let started = DispatchTime.now()
        let bytes = try Array(JSONEncoder().encode(snapshot.contents))
        try DurableFile.replace(path, with: bytes)
        logger.info(
            "snapshot written",
            metadata: [
                "version": .stringConvertible(Int(snapshot.version)), "bytes": .stringConvertible(bytes.count),
                "ms": .stringConvertible(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6),
            ])
    }
}
