/// Applies changes to a copy of a snapshot's state and notes what happened.
struct StoreWriter {
    var state: StoreState
    /// The changes made so far, versions not yet set.
    private(set) var records: [ChangeRecord] = []

    init(state: StoreState) {
        self.state = state
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
