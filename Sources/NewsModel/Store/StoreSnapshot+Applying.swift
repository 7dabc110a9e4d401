extension StoreSnapshot {
    /// The snapshot these changes make of this one, one version later, sharing all they do not
    /// touch; this one itself when nothing changed (deleting what is absent, writing what is
    /// already there). Nothing is published: see ``NewsStore/publish(_:)``.
    public func applying(_ changes: [StoreChange]) -> StoreSnapshot {
        var writer = StoreWriter(state: state)
        for change in changes { writer.apply(change) }
        guard !writer.records.isEmpty else { return self }
        let next = version + 1
        let records = writer.records.map { record in
            var record = record
            record.version = next
            return record
        }
        return StoreSnapshot(version: next, state: writer.state, lastChanges: records)
    }
}
