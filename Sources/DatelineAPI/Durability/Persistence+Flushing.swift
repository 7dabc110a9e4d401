import Dispatch
import HTTPServer
import NewsModel

/// The flusher: what runs on `flusher`, one batch at a time (see the type's notes).
extension Persistence {
    /// The flushes after which the next one waits `commitDelay` for more writes: those that covered
    /// at least this many (PostgreSQL's `commit_siblings` default).
    static let commitSiblings = 5

    /// How many staged writes end the commit delay after a flush that covered `covered`: half as
    /// many, rounded up (see the type's notes).
    static func writesAwaited(after covered: Int) -> Int {
        (covered + 1) / 2
    }

    /// The flusher's work, on `flusher`: stages the queued events and flushes every staged batch,
    /// with a snapshot of the draft that holds it when one is wanted, until none is left or a
    /// flush fails.
    func flushStaged() {
        var lastCovered = 0
        while true {
            if lastCovered >= Self.commitSiblings && commitDelay > 0 { waitForWrites(Self.writesAwaited(after: lastCovered)) }
            stageQueuedEvents()
            let asked = takeSnapshotRequest() || feed.hasSubscribers
            let (next, publishing) = state.withLock { state -> ((GroupCommit<Staged>.Batch, UnindexedSnapshot?)?, Bool) in
                // Every staged batch is in this one, and the draft holds nothing else.
                let publishing = state.publishesSnapshot(asked: asked, compactionDue: compactionDue(state))
                guard let batch = state.commits.nextBatch() else { return (nil, publishing) }
                if !publishing { state.draft.indexHeldWords() }
                return ((batch, publishing ? state.draft.startSnapshot() : nil), publishing)
            }
            guard let (batch, unindexed) = next else {
                // Nothing staged: the draft holds only durable writes, and readers may wait for them.
                if publishing { publishDraftIfAhead() }
                if flusherMayStop() { return }
                lastCovered = 0
                continue
            }
            // The words of the batch's events are indexed while writers go on staging.
            let snapshot = unindexed.map(finish)
            lastCovered = batch.items.count
            guard let (covered, replaced) = flush(batch, snapshot: snapshot) else {
                // Failed: the events queued from here on are told so, then the flusher stops.
                lastCovered = 0
                continue
            }
            if snapshot != nil {
                do {
                    // Before the writers hear of it, so that a writer that goes on finds the journal
                    // due for compaction already moved aside.
                    try compactIfDue(forced: false)
                } catch {
                    // The journals still hold every write: compaction can wait for the next flush.
                    logger.error("compaction failed", metadata: ["error": "\(error)"])
                }
            }
            // Their loops are woken once each, not once a writer.
            LoopWakes.holding { for waiter in covered { waiter(nil) } }
            // Freed apart: it holds what the writes since it copied, many flushes' worth.
            if let replaced { DispatchQueue.global(qos: .utility).async { withExtendedLifetime(replaced) {} } }
        }
    }

    /// The snapshot `started` makes once its words are indexed, outside the writers' lock.
    fileprivate func finish(_ started: UnindexedSnapshot) -> StoreSnapshot {
        let indexed = started.indexingWords()
        return state.withLock { $0.draft.finishSnapshot(indexed) }
    }

    /// Publishes a snapshot of the draft when it is ahead of the published one and nothing staged
    /// is left to flush: the draft then holds only durable writes. On the flusher.
    func publishDraftIfAhead() {
        let started = state.withLock { state in
            state.commits.unflushed.isEmpty && state.draft.version > store.lastPublished.version ? state.draft.startSnapshot() : nil
        }
        if let started { withExtendedLifetime(publish(finish(started))) {} }
    }

    /// Writes the batch to the journal with one flush, then publishes `snapshot`, which holds it,
    /// or, without one, tells the store the batch is durable; returns the waiters of the writers
    /// it covered and the snapshot it replaced, to free after them. Returns nil when the flush
    /// failed: then the writers are told so, nothing is published, and readers settle on what was.
    fileprivate func flush(
        _ batch: GroupCommit<Staged>.Batch, snapshot: StoreSnapshot?
    ) -> (covered: [GroupCommit<Staged>.Waiter], replaced: StoreSnapshot?)? {
        if let journal = state.withLock({ $0.journal }) {
            do {
                var lines: [UInt8] = []
                for item in batch.items {
                    lines += try item.line ?? Journal.line(version: item.version, encodedChanges: CompactJSONEncoder().encode(item.changes))
                }
                try journal.write(lines, records: batch.items.count)
                try journal.sync()
            } catch {
                logger.critical(
                    "the journal cannot be flushed: writes are refused until a restart",
                    metadata: ["error": "\(error)", "writes": .stringConvertible(batch.items.count)])
                for waiter in state.withLock({ $0.commits.failed(error) }) { waiter(error) }
                store.settleOnLastPublished()
                return nil
            }
        }
        let reserved = batch.items.compactMap(\.reserved)
        state.withLock { state in
            state.unpublishedReservations += reserved
            state.flushedVersion = batch.items.last?.version ?? state.flushedVersion
        }
        var replaced: StoreSnapshot?
        if let snapshot {
            replaced = publish(snapshot)
        } else {
            store.markDurable(through: batch.items.last?.version ?? 0)
        }
        return (state.withLock { $0.commits.flushed(batch) }, replaced)
    }

    /// Publishes `snapshot`, lets go the ids it now holds, and tells the change feed; returns the
    /// snapshot it replaced.
    fileprivate func publish(_ snapshot: StoreSnapshot) -> StoreSnapshot {
        let replaced = store.publish(snapshot)
        let reserved = state.withLock { state in
            defer { state.unpublishedReservations = [] }
            return state.unpublishedReservations
        }
        releaseReservations(reserved, publishedIn: snapshot)
        feed.publish(snapshot)
        return replaced
    }
}
