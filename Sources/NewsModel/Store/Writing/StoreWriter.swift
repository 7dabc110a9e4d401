/// Applies changes to a copy of a snapshot's state and notes what happened.
struct StoreWriter {
    var state: StoreState
    /// The changes made so far, versions not yet set.
    private(set) var records: [ChangeRecord] = []
    /// Changes to the events' text index not yet made, oldest first, or nil when each is made at
    /// once. See ``init(state:holdingText:)``.
    private var heldText: [TextIndex<SortKey>.Change]?

    /// A writer of `state`. With `holdingText`, the events' text index changes only when the
    /// changes ``takeHeldText()`` gives are made, for every event written since at once: until
    /// then, `state` answers every query but a search of the events' text as if they were written.
    init(state: StoreState, holdingText: Bool = false) {
        self.state = state
        heldText = holdingText ? [] : nil
    }

    /// The changes to the events' text index held back so far, which it then no longer holds:
    /// for whoever makes them (``StoreDraft/startSnapshot()``, before each snapshot it takes).
    mutating func takeHeldText() -> [TextIndex<SortKey>.Change] {
        defer { if heldText != nil { heldText = [] } }
        return heldText ?? []
    }

    /// Adds an event's texts to the text index, or removes them, now or when held text is indexed.
    mutating func changeEventText(_ key: SortKey, _ texts: [String], adds: Bool) {
        let change = TextIndex.Change(ref: key, texts: texts, adds: adds)
        if heldText != nil {
            heldText?.append(change)
        } else {
            state.eventText.apply([change])
        }
    }

    mutating func note(_ kind: ItemKind, _ id: String, _ op: ChangeRecord.Operation, mergedInto: String? = nil) {
        records.append(ChangeRecord(version: 0, kind: kind, id: id, op: op, mergedInto: mergedInto))
    }

    /// The changes noted so far, which it then forgets.
    mutating func takeRecords() -> [ChangeRecord] {
        defer { records = [] }
        return records
    }

    mutating func apply(_ change: StoreChange) {
        switch change {
        case .upsertArticle(let article): upsertArticle(article)
        case .deleteArticle(let id): deleteArticle(id: id)
        case .upsertEntity(let entity): upsertEntity(entity)
        case .deleteEntity(let id): deleteEntity(id: id)
        case .upsertEvent(let event): upsertEvent(event)
        case .deleteEvent(let id): deleteEvent(id: id)
        case .mergeEntity(let id, let into): mergeEntity(id: id, into: into)
        }
    }
}
