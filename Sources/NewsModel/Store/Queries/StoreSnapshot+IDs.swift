extension StoreSnapshot {
    /// An id for a new item of `kind` made from `base`: `base` when no such item holds it, else
    /// `base-N`, with N above every suffix an id on that base has carried. One lookup, however
    /// many ids share the base. See ``UniqueIDs`` for several ids in one write.
    public func uniqueID(from base: String, for kind: ItemKind) -> String {
        var ids = UniqueIDs(in: self, for: kind)
        return ids.make(from: base)
    }

    /// Whether an item of `kind` holds `id`.
    func holds(_ id: String, _ kind: ItemKind) -> Bool {
        switch kind {
        case .article: state.articles.serial(for: id) != nil
        case .entity: state.entities.serial(for: id) != nil
        case .event: state.events.serial(for: id) != nil
        }
    }

    func nextSuffix(for base: String, _ kind: ItemKind) -> Int {
        switch kind {
        case .article: state.articleIDs.nextSuffix(for: base)
        case .entity: state.entityIDs.nextSuffix(for: base)
        case .event: state.eventIDs.nextSuffix(for: base)
        }
    }
}
