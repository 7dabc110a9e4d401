/// Store changes as journal records: `{"op": "upsertEvent", "event": {...}}`.
extension StoreChange: Codable {
    private enum CodingKeys: String, CodingKey {
        case op, article, entity, event, id, into
    }

    private enum Operation: String, Codable {
        case upsertArticle, deleteArticle, upsertEntity, deleteEntity, upsertEvent, deleteEvent, mergeEntity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .upsertArticle(let article):
            try container.encode(Operation.upsertArticle, forKey: .op)
            try container.encode(article, forKey: .article)
        case .deleteArticle(let id):
            try container.encode(Operation.deleteArticle, forKey: .op)
            try container.encode(id, forKey: .id)
        case .upsertEntity(let entity):
            try container.encode(Operation.upsertEntity, forKey: .op)
            try container.encode(entity, forKey: .entity)
        case .deleteEntity(let id):
            try container.encode(Operation.deleteEntity, forKey: .op)
            try container.encode(id, forKey: .id)
        case .upsertEvent(let event):
            try container.encode(Operation.upsertEvent, forKey: .op)
            try container.encode(event, forKey: .event)
        case .deleteEvent(let id):
            try container.encode(Operation.deleteEvent, forKey: .op)
            try container.encode(id, forKey: .id)
        case .mergeEntity(let id, let into):
            try container.encode(Operation.mergeEntity, forKey: .op)
            try container.encode(id, forKey: .id)
            try container.encode(into, forKey: .into)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Operation.self, forKey: .op) {
        case .upsertArticle: self = .upsertArticle(try container.decode(Article.self, forKey: .article))
        case .deleteArticle: self = .deleteArticle(id: try container.decode(String.self, forKey: .id))
        case .upsertEntity: self = .upsertEntity(try container.decode(Entity.self, forKey: .entity))
        case .deleteEntity: self = .deleteEntity(id: try container.decode(String.self, forKey: .id))
        case .upsertEvent: self = .upsertEvent(try container.decode(Event.self, forKey: .event))
        case .deleteEvent: self = .deleteEvent(id: try container.decode(String.self, forKey: .id))
        case .mergeEntity:
            self = .mergeEntity(
                id: try container.decode(String.self, forKey: .id),
                into: try container.decode(String.self, forKey: .into))
        }
    }
}
