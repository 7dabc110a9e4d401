public import HTTPServer
public import NewsModel

/// Journal records write their own JSON, as events do: the bytes of their `Codable`
/// conformance (`{"event":{...},"op":"upsertEvent"}`, keys in ascending order), without the
/// generic encoder's containers for the record around the event.
extension StoreChange: JSONSelfWriting {
    public func writeJSON(to json: inout JSONOutput) throws {
        try json.object { json in
            switch self {
            case .upsertArticle(let article):
                try json.value("article", article)
                json.string("op", "upsertArticle")
            case .deleteArticle(let id):
                json.string("id", id)
                json.string("op", "deleteArticle")
            case .upsertEntity(let entity):
                try json.value("entity", entity)
                json.string("op", "upsertEntity")
            case .deleteEntity(let id):
                json.string("id", id)
                json.string("op", "deleteEntity")
            case .upsertEvent(let event):
                try json.value("event", event)
                json.string("op", "upsertEvent")
            case .deleteEvent(let id):
                json.string("id", id)
                json.string("op", "deleteEvent")
            case .mergeEntity(let id, let into):
                json.string("id", id)
                json.string("into", into)
                json.string("op", "mergeEntity")
            }
        }
    }
}
