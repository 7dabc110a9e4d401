extension StoreSnapshot {
    /// The snapshot these changes make of this one, one version later, sharing all they do not
    /// touch; this one itself when nothing changed (deleting what is absent, writing what is
    /// already there). Nothing is published: see ``NewsStore/publish(_:)``.
    public func applying(_ changes: [StoreChange]) -> StoreSnapshot {
        var draft = StoreDraft(self)
        guard !draft.apply(changes).isEmpty else { return self }
        return draft.takeSnapshot()
    }
}
