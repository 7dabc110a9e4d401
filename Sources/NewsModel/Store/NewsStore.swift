import Locking

/// The in-memory store of articles, entities and events.
///
/// Readers never wait for writers: a write builds the next ``StoreSnapshot`` beside the
/// current one (sharing all it did not change) and swaps it in under a short lock. Writes
/// are serialized among themselves.
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
    }

    /// Held for the whole of a write, so writes build on each other one at a time.
    private let writer = Locked<Void>(())
    /// Held only to read or swap the current snapshot and its change log.
    private let published: Locked<Published>

    /// Creates an empty store keeping the last `changeLogCapacity` change records.
    public convenience init(changeLogCapacity: Int = 10_000) {
        self.init(initial: StoreSnapshot(), changeLogCapacity: changeLogCapacity)
    }

    /// Creates a store whose current snapshot is `initial`.
    init(initial: StoreSnapshot, changeLogCapacity: Int) {
        published = Locked(Published(snapshot: initial, log: ChangeLog(capacity: changeLogCapacity, baseVersion: initial.version)))
    }

    /// The current snapshot.
    public var snapshot: StoreSnapshot {
        published.withLock { $0.snapshot }
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
        published.withLock { published in
            precondition(
                snapshot.lastChanges.first?.version == published.snapshot.version + 1
                    && snapshot.lastChanges.last?.version == snapshot.version,
                "snapshots are published in order, each with the changes of every version since the one before")
            published.log.append(snapshot.lastChanges)
            defer { published.snapshot = snapshot }
            return published.snapshot
        }
    }

    /// Replaces everything the store holds with `contents`, at its version (a restart reading
    /// its last durable snapshot). The change log restarts there.
    public func restore(_ contents: StoreContents) {
        writer.withLock { _ in
            let restored = StoreSnapshot(restoring: contents)
            published.withLock { published in
                published = Published(
                    snapshot: restored,
                    log: ChangeLog(capacity: published.log.capacity, baseVersion: contents.version))
            }
        }
    }

    /// The changes after `version`, oldest first; nil when the log no longer reaches back
    /// that far (the caller should then reload from a snapshot).
    public func changes(since version: UInt64) -> [ChangeRecord]? {
        published.withLock { $0.log.records(since: version) }
    }
}
