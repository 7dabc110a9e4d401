extension StoreWriter {
    mutating func upsertEntity(_ entity: Entity) {
        var entity = entity
        // Derived on read from the articles held; stored empty so that rewriting them is no change.
        entity.mentionCount = 0
        entity.articleIds = []
        let (serial, old) = state.entities.upsert(entity)
        if let old {
            if old == entity { return }
            unindex(old, serial: serial)
        } else {
            state.entityIDs.note(entity.id)
        }
        state.entityIds.insert(entity.id)
        state.names.add(entity)
        state.entityIdsByType[entity.type, default: SortedChunks()].insert(entity.id)
        state.entityText.add(serial, texts: Self.texts(of: entity))
        // Removing an absent key would still copy the whole dictionary.
        if state.redirects[entity.id] != nil { state.redirects[entity.id] = nil }
        note(.entity, entity.id, old == nil ? .created : .updated)
    }

    /// Deletes the entity and every reference to it: participations, locations, mentions and
    /// redirects that point to it.
    mutating func deleteEntity(id: String) {
        guard removeEntity(id: id) else { return }
        rewriteReferences(to: id, with: nil)
        state.redirects = state.redirects.filter { $0.value != id }
        note(.entity, id, .deleted)
    }

    /// Folds entity `id` into `target`: its references move, its names become aliases, and its
    /// id redirects to `target` from now on. A merge is an editor's decision, so the survivor
    /// loses its `extractorVersion`: re-extraction leaves it alone from then on.
    mutating func mergeEntity(id: String, into target: String) {
        guard id != target, let old = state.entities[id], var survivor = state.entities[target] else { return }
        rewriteReferences(to: id, with: target)
        var seen = Set([TextNormalizer.folded(survivor.name)] + survivor.aliases.map(TextNormalizer.folded))
        for name in [old.name] + old.aliases where seen.insert(TextNormalizer.folded(name)).inserted {
            survivor.aliases.append(name)
        }
        survivor.description = survivor.description ?? old.description
        survivor.wikidataId = survivor.wikidataId ?? old.wikidataId
        survivor.coordinates = survivor.coordinates ?? old.coordinates
        survivor.extractorVersion = nil
        upsertEntity(survivor)
        removeEntity(id: id)
        for (from, to) in state.redirects where to == id { state.redirects[from] = target }
        state.redirects[id] = target
        note(.entity, id, .merged, mergedInto: target)
    }

    @discardableResult
    private mutating func removeEntity(id: String) -> Bool {
        guard let (serial, old) = state.entities.remove(id: id) else { return false }
        unindex(old, serial: serial)
        return true
    }

    /// Points every event and article reference to `id` at `replacement`, or drops it when nil.
    private mutating func rewriteReferences(to id: String, with replacement: String?) {
        for key in state.eventsByEntity[id]?.elements ?? [] {
            guard var event = state.events[serial: key.serial] else { continue }
            var participants: [Participant] = []
            for var participant in event.participants {
                if participant.entityId == id {
                    guard let replacement else { continue }
                    participant.entityId = replacement
                }
                if !participants.contains(participant) { participants.append(participant) }
            }
            event.participants = participants
            if event.location == id { event.location = replacement }
            upsertEvent(event)
        }
        for articleId in state.mentionedArticleIds(of: id) {
            guard var article = state.articles[articleId] else { continue }
            if let replacement {
                for index in article.mentions.indices where article.mentions[index].entityId == id {
                    article.mentions[index].entityId = replacement
                }
            } else {
                article.mentions.removeAll { $0.entityId == id }
            }
            upsertArticle(article)
        }
    }

    private mutating func unindex(_ entity: Entity, serial: UInt32) {
        state.entityIds.remove(entity.id)
        state.entityIdsByType[entity.type]?.remove(entity.id)
        if state.entityIdsByType[entity.type]?.isEmpty == true { state.entityIdsByType[entity.type] = nil }
        state.entityText.remove(serial, texts: Self.texts(of: entity))
        state.names.remove(entity)
    }

    static func texts(of entity: Entity) -> [String] {
        [entity.name] + entity.aliases
    }
}
