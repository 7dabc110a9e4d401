import Logging
import NewsModel

extension Journal {
    /// What a restart found in its journals after the snapshot it read.
    struct Replay {
        /// The snapshot with every record after the base applied; nil when there were none.
        var snapshot: StoreSnapshot?
        /// How many records were applied.
        var replayed: Int
        /// What the last journal read holds: the one later writes go on appending to.
        var last: Contents
    }

    /// Reads the journals at `paths` in order and applies each record after `base` to
    /// `snapshot`, logging what a torn or corrupt tail cost. The records change one draft in
    /// place, made into one snapshot at the end: applied to a store one by one, each would copy
    /// what it touches from the snapshot before it.
    static func replay(_ paths: [String], after base: UInt64, onto snapshot: StoreSnapshot, logger: Logger) throws -> Replay {
        var draft = StoreDraft(snapshot)
        var replay = Replay(replayed: 0, last: Contents(records: [], validBytes: 0, warnings: []))
        for path in paths {
            replay.last = try read(path: path)
            for warning in replay.last.warnings {
                logger.warning("journal: \(warning)", metadata: ["path": .string(path)])
            }
            for record in replay.last.records where record.version > base {
                draft.apply(record.changes)
                replay.replayed += 1
            }
        }
        if draft.version > base { replay.snapshot = draft.takeSnapshot() }
        return replay
    }
}
