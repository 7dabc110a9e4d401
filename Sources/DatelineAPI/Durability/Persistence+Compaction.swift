import Dispatch
import FoundationEssentials
import HTTPServer
import NewsModel

/// Compaction: the journal folded into a new snapshot, when asked or once it is due.
extension Persistence {
    /// Writes a snapshot now and empties the journal (also done every `compactAfter` records);
    /// `dateline reextract` ends with it. Everything staged before is flushed first.
    public func compact() throws {
        guard directory != nil else { return }
        try flusher.sync {
            // Every flush from here on publishes, so that the snapshot written holds all they wrote.
            state.withLock { $0.flushesPublishing = Self.snapshotsAfterAsking }
            flushStaged()
            if let failure = state.withLock({ $0.commits.failure }) { throw failure }
            publishDraftIfAhead()
            try compactIfDue(forced: true)
        }
    }

    /// Waits until no background compaction is under way.
    func waitForCompactions() {
        compactions.wait()
    }

    /// Whether the journal is due for compaction, which writes the published snapshot: the flush
    /// that finds it so publishes one.
    func compactionDue(_ state: State) -> Bool {
        guard let journal = state.journal else { return false }
        return journal.count >= compactAfter && journal.bytes >= state.snapshotBytes
    }

    /// Compacts when asked (`forced`) or when the journal is due; on the flusher's queue, where
    /// nothing else writes the journal, after everything in it was published (a flush publishes
    /// a snapshot when it finds the journal due).
    func compactIfDue(forced: Bool) throws {
        let (journal, due, flushed) = state.withLock { ($0.journal, compactionDue($0), $0.flushedVersion) }
        let published = store.lastPublished
        // A snapshot that lacks records the journal holds cannot replace it.
        guard let journal, let snapshotPath, let previousJournalPath, published.version >= flushed, forced || due
        else { return }
        if !forced, !FileManager.default.fileExists(atPath: previousJournalPath) {
            try DurableFile.move(journal.path, to: previousJournalPath)
            attach(try Journal(path: journal.path, count: 0))
            compactInBackground(published, snapshotPath: snapshotPath, previousJournalPath: previousJournalPath)
            return
        }
        // Asked for, or an earlier background compaction did not finish: here and now.
        try writeSnapshot(of: published, to: snapshotPath)
        try journal.reset()
        try DurableFile.remove(previousJournalPath)
    }

    /// Writes the snapshot of what the previous journal held, then deletes that journal; on
    /// failure both stay, and start-up or the next compaction finishes the work.
    private func compactInBackground(_ snapshot: StoreSnapshot, snapshotPath: String, previousJournalPath: String) {
        compactions.enter()
        DispatchQueue.global(qos: .utility).async { [self] in
            defer { compactions.leave() }
            do {
                try writeSnapshot(of: snapshot, to: snapshotPath)
                try DurableFile.remove(previousJournalPath)
            } catch {
                logger.error("compaction failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Writes `snapshot` unless a newer one was written already.
    func writeSnapshot(of snapshot: StoreSnapshot, to path: String) throws {
        try snapshotVersion.withLock { written in
            if let written, written >= snapshot.version, FileManager.default.fileExists(atPath: path) { return }
            try writeSnapshotFile(of: snapshot, to: path)
            written = snapshot.version
        }
    }

    private func writeSnapshotFile(of snapshot: StoreSnapshot, to path: String) throws {
        let started = DispatchTime.now()
        let bytes = try DurableFile.replace(path) { descriptor, temporary in
            try SnapshotWriter.write(snapshot, to: descriptor, path: temporary)
        }
        state.withLock { $0.snapshotBytes = bytes }
        logger.info(
            "snapshot written",
            metadata: [
                "version": .stringConvertible(Int(snapshot.version)), "bytes": .stringConvertible(bytes),
                "ms": .stringConvertible(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6),
            ])
    }
}
