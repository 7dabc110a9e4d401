/// The newest state of a store, changed in place: what a writer that stages writes ahead of the
/// readers (to make them durable first) builds on.
///
/// Each ``apply(_:)`` is one version step, as with ``StoreSnapshot/applying(_:)``, but it
/// changes the draft's own copy instead of making a new snapshot, so a write touches only what
/// it changes, and nothing is copied for it. The writer takes a snapshot for readers once in a
/// while (at each group commit) with ``takeSnapshot()``; the draft then shares everything with
/// that snapshot, and copies a part only the first time a later write changes it.
///
/// ```swift
/// var draft = StoreDraft(store.snapshot)
/// let records = draft.apply([.upsertEvent(meeting)])     // version + 1, nothing published
/// store.publish(draft.takeSnapshot())                  // readers see it
/// ```
///
/// A snapshot from ``view`` shares the draft's state as one from ``takeSnapshot()`` does: while
/// it is held, the draft copies what the next write changes. Let views go before applying more.
public struct StoreDraft: Sendable {
    /// The version of the last change applied.
    public private(set) var version: UInt64
    /// Holds the state, changed in place.
    private var writer: StoreWriter
    /// What the versions since the last snapshot taken did, oldest first.
    private var untaken: [ChangeRecord] = []

    /// A draft holding what `snapshot` holds, at its version.
    public init(_ snapshot: StoreSnapshot) {
        version = snapshot.version
        writer = StoreWriter(state: snapshot.state, holdingText: true)
    }

    /// Starts again from `published` when it is newer: readers moved on without this draft (a
    /// restore, a replay, another replica's changes). A draft ahead of it is a writer's whose
    /// snapshot is about to be published, and stays.
    public mutating func follow(_ published: StoreSnapshot) {
        if version < published.version { self = StoreDraft(published) }
    }

    /// Applies the changes in order as one version step, and returns what they did, each record
    /// at the new version; nothing (and the version stays) when nothing changed.
    @discardableResult
    public mutating func apply(_ changes: [StoreChange]) -> [ChangeRecord] {
        for change in changes { writer.apply(change) }
        var records = writer.takeRecords()
        guard !records.isEmpty else { return [] }
        version += 1
        // Set in place: the writer let the array go, so this changes it without a copy.
        for index in records.indices { records[index].version = version }
        untaken += records
        return records
    }

    /// Indexes the words of the events written since they were last indexed, in the draft's own
    /// text index: what a writer that takes no snapshot does, so that the words of many writes do
    /// not wait for one and then take it long to index.
    public mutating func indexHeldWords() {
        let words = writer.takeHeldText()
        if !words.isEmpty { writer.state.eventText.apply(words) }
    }

    /// How many change records the draft holds for the next snapshot taken.
    public var changesSinceSnapshot: Int { untaken.count }

    /// The draft as it stands, to read: for checks that decide a write. Its `lastChanges` is empty,
    /// and a search of the events' text does not find the events written since the last snapshot
    /// taken: their words are indexed once a snapshot, for all of them together.
    public var view: StoreSnapshot {
        StoreSnapshot(version: version, state: writer.state, lastChanges: [])
    }

    /// The draft as it stands, for readers: its `lastChanges` hold what every version since the
    /// last snapshot taken did.
    public mutating func takeSnapshot() -> StoreSnapshot {
        finishSnapshot(startSnapshot().indexingWords())
    }

    /// ``takeSnapshot()`` in three steps, for a writer that holds a lock around the draft: this
    /// one takes the draft as it stands, with the words of the events written since the last
    /// snapshot not yet indexed; ``UnindexedSnapshot/indexingWords()`` indexes them, outside the
    /// lock; and ``finishSnapshot(_:)`` gives the snapshot, the draft's text index becoming its.
    /// Writes may go on between the steps: their words are held for the next snapshot.
    public mutating func startSnapshot() -> UnindexedSnapshot {
        defer { untaken = [] }
        return UnindexedSnapshot(
            version: version, state: writer.state, lastChanges: untaken, words: writer.takeHeldText(), draft: lineage)
    }

    /// The snapshot `started` makes, its words indexed; the draft's own text index becomes the
    /// snapshot's (the draft has held every later write's words back, so that index is its).
    public mutating func finishSnapshot(_ started: UnindexedSnapshot) -> StoreSnapshot {
        precondition(started.draft === lineage && started.words.isEmpty, "a snapshot finishes on its draft, indexed")
        writer.state.eventText = started.state.eventText
        return StoreSnapshot(version: started.version, state: started.state, lastChanges: started.lastChanges)
    }

    /// Tells drafts apart (``follow(_:)`` makes a new one): a snapshot finishes on its own.
    private let lineage = Lineage()
    final class Lineage: Sendable {}
}

/// A snapshot a ``StoreDraft`` started, the words of its newest events not yet indexed.
public struct UnindexedSnapshot: Sendable {
    let version: UInt64
    fileprivate(set) var state: StoreState
    let lastChanges: [ChangeRecord]
    /// The changes to the text index the snapshot still needs.
    fileprivate(set) var words: [TextIndex<SortKey>.Change]
    let draft: StoreDraft.Lineage

    /// This snapshot with its words indexed: the work of a snapshot that need not hold the
    /// writers' lock.
    public consuming func indexingWords() -> UnindexedSnapshot {
        if !words.isEmpty { state.eventText.apply(words) }
        words = []
        return self
    }
}
