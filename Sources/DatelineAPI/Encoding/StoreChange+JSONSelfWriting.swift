public import HTTPServer
public import NewsModel

/// Journal records write their own JSON, as events do: the bytes of their `Codable`
/// conformance (`{"event":{...},"op":"upsertEvent"}`, keys in ascending order), without the
/// generic encoder's containers for the record around the event.
extension StoreChange: JSONSelfWriting {
    public func writeJSON(to json: inout JSONOutput) throws {
        try json.object { json in
            switch self {
            case .upsertArticle(let article): try json.value("article", article)
            case .upsertEntity(let entity): try json.value("entity", entity)
            case .upsertEvent(let event): try json.value("event", event)
            case .deleteArticle(let id), .deleteEntity(let id), .deleteEvent(let id): json.string("id", id)
            case .mergeEntity(let id, let into):
                json.string("id", id)
                json.string("into", into)
            }
            json.string("op", operation)
        }
    }

    /// Appends the JSON of the changes `[.upsertEvent(event)]`, from the JSON of the event: what
    /// the encoder makes of them, without encoding the event again.
    static func appendJSON(upsertingEventJSON event: [UInt8], to json: inout [UInt8]) {
        json += #"[{"event":"#.utf8
        json += event
        json += #","op":"upsertEvent"}]"#.utf8
    }

    /// The record's `op`.
    private var operation: String {
        switch self {
        case .upsertArticle: "upsertArticle"
        case .deleteArticle: "deleteArticle"
        case .upsertEntity: "upsertEntity"
        case .deleteEntity: "deleteEntity"
        case .upsertEvent: "upsertEvent"
        case .deleteEvent: "deleteEvent"
        case .mergeEntity: "mergeEntity"
        }
    }
}
