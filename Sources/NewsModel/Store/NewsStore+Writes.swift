extension NewsStore {
    /// Creates or replaces an article.
    @discardableResult
    public func upsert(_ article: Article) -> StoreSnapshot {
        apply([.upsertArticle(article)])
    }

    /// Creates or replaces an entity.
    @discardableResult
    public func upsert(_ entity: Entity) -> StoreSnapshot {
        apply([.upsertEntity(entity)])
    }

    /// Creates or replaces an event.
    @discardableResult
    public func upsert(_ event: Event) -> StoreSnapshot {
        apply([.upsertEvent(event)])
    }

    /// Deletes an article, see ``StoreChange/deleteArticle(id:)``.
    @discardableResult
    public func deleteArticle(id: String) -> StoreSnapshot {
        apply([.deleteArticle(id: id)])
    }

    /// Deletes an entity, see ``StoreChange/deleteEntity(id:)``.
    @discardableResult
    public func deleteEntity(id: String) -> StoreSnapshot {
        apply([.deleteEntity(id: id)])
    }

    /// Deletes an event.
    @discardableResult
    public func deleteEvent(id: String) -> StoreSnapshot {
        apply([.deleteEvent(id: id)])
    }

    /// Merges entity `old` into `new`, see ``StoreChange/mergeEntity(id:into:)``.
    @discardableResult
    public func merge(entity old: String, into new: String) -> StoreSnapshot {
        apply([.mergeEntity(id: old, into: new)])
    }
}
