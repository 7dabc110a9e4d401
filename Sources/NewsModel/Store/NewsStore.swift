import Locking

/// The in-memory store of articles, entities and events.
///
/// Readers never wait for writers: a write builds the next ``StoreSnapshot`` beside the
/// current one (sharing all it did not change) and swaps it in under a short lock. Writes
/// are serialized among themselves.
///
/// A writer that builds snapshots ahead of the readers may also leave them unmade until a reader
/// needs one (``markDurable(through:)``): a snapshot shares its parts with the writer's draft, and
/// every write after it copies what it touches, so a write-only load is cheaper without them.
/// A reader that finds durable writes past the published snapshot then asks the writer for one
/// (``makeSnapshots(when:)``) and waits until it is published: it never sees less than what was
/// acknowledged.
///
/// ```swift
/// let store = NewsStore()
/// store.apply([.upsertEntity(putin), .upsertArticle(article), .upsertEvent(meeting)])
/// let page = try store.snapshot.events(EventQuery(entities: ["vladimir-putin"], limit: 20))
/// ```
public final class NewsStore: Sendable {
    private struct Published: Sendable {
        var snapshot: StoreSnapshot
        var log: ChangeLog
        /// The newest version known durable: past the snapshot's while no reader has asked for
        /// a snapshot that holds it.
        var durable: UInt64
    }

    /// Held for the whole of a write, so writes build on each other one at a time.
    private let writer = Locked<Void>(())
    /// Held only to read or swap the current snapshot and its change log; readers waiting for a
    /// snapshot wait on its condition.
    private let published: ConditionLocked<Published>
    /// Asked for a snapshot when a reader finds durable writes past the published one.
    private let maker = Locked<(@Sendable () -> Void)?>(nil)

    /// Creates an empty store keeping the last `changeLogCapacity` change records.
    public convenience init(changeLogCapacity: Int = 10_000) {
        self.init(initial: StoreSnapshot(), changeLogCapacity: changeLogCapacity)
    }

    /// Creates a store whose current snapshot is `initial`.
    init(initial: StoreSnapshot, changeLogCapacity: Int) {
        published = ConditionLocked(
            Published(
                snapshot: initial, log: ChangeLog(capacity: changeLogCapacity, baseVersion: initial.version),
                durable: initial.version))
    }

    /// The current snapshot: it holds every write known durable. When no snapshot of the newest
    /// ones is published yet, this asks the writer for one and waits until it is: about one
    /// flush of the journal, or as long as the disk takes when it stalls in the middle of one.
    public var snapshot: StoreSnapshot {
        let (current, durable) = published.withLock { ($0.snapshot, $0.durable) }
        if current.version >= durable { return current }
        maker.withLock { $0 }?()
        return published.wait { published in
            // Done too when the writer has settled on what it published (``settleOnLastPublished()``).
            published.snapshot.version >= min(durable, published.durable) ? .done(published.snapshot) : .wait(atMost: nil)
        }
    }

    /// The snapshot last published, at once, without asking for a newer one: it may lack the
    /// newest durable writes. For checks that a writer makes again on its latest state, and for
    /// the writer that publishes.
    public var lastPublished: StoreSnapshot {
        published.withLock { $0.snapshot }
    }

    /// Records that the writes up to `version` are durable though no snapshot holding them is
    /// published: readers from here on ask for one (see ``makeSnapshots(when:)``).
    public func markDurable(through version: UInt64) {
        published.withLock { $0.durable = max($0.durable, version) }
    }

    /// Names what a reader calls, from its own thread and holding no lock of the store's, when it
    /// finds durable writes past the published snapshot. It must see to it that a snapshot
    /// holding them is published soon, or that ``settleOnLastPublished()`` is called.
    public func makeSnapshots(when asked: @escaping @Sendable () -> Void) {
        maker.withLock { $0 = asked }
    }

    /// Readers stop waiting for newer snapshots and take the last one published: what a writer
    /// calls when it can publish no more (its journal failed; a restart reads the rest).
    public func settleOnLastPublished() {
        published.update { $0.durable = $0.snapshot.version }
    }

    /// Applies the changes in order as one version step and returns the new snapshot. When
    /// nothing changed (deleting what is absent, writing what is already there) the version
    /// stays and the current snapshot is returned.
    @discardableResult
    public func apply(_ changes: [StoreChange]) -> StoreSnapshot {
        writer.withLock { _ in
            let current = snapshot
            let next = current.applying(changes)
            if next !== current { publish(next) }
            return next
        }
    }

    /// Makes `snapshot` current and logs its changes: a writer that builds snapshots ahead of the
    /// readers (to make them durable first, with a ``StoreDraft`` or
    /// ``StoreSnapshot/applying(_:)``) publishes them here, in order. Its `lastChanges` must hold
    /// every version after the current one.
    ///
    /// Returns the snapshot replaced. Freeing what only it held takes as long as the writes took
    /// to copy it: a caller that answers writers keeps it until they are answered, and it is
    /// freed where the caller lets it go (or, when a reader still holds it, once the reader does).
    @discardableResult
    public func publish(_ snapshot: StoreSnapshot) -> StoreSnapshot {
        // `update`: readers may be waiting for it.
        published.update { published in
            precondition(
                snapshot.lastChanges.first?.version == published.snapshot.version + 1
                    && snapshot.lastChanges.last?.version == snapshot.version,
                "snapshots are published in order, each with the changes of every version since the one before")
            published.log.append(snapshot.lastChanges)
            published.durable = max(published.durable, snapshot.version)
            defer { published.snapshot = snapshot }
            return published.snapshot
        }
    }

    /// Replaces everything the store holds with `contents`, at its version (a restart reading
    /// its last durable snapshot). The change log restarts there.
    public func restore(_ contents: StoreContents) {
        writer.withLock { _ in
            let restored = StoreSnapshot(restoring: contents)
            published.update { published in
                published = Published(
                    snapshot: restored,
                    log: ChangeLog(capacity: published.log.capacity, baseVersion: contents.version),
                    durable: contents.version)
            }
        }
    }

    /// The changes after `version`, oldest first; nil when the log no longer reaches back
    /// that far (the caller should then reload from a snapshot).
    public func changes(since version: UInt64) -> [ChangeRecord]? {
        // The log grows as snapshots are published: one is asked for first if any is due.
        _ = snapshot
        return published.withLock { $0.log.records(since: version) }
    }
}
