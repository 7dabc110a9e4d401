public import HTTPServer
public import NewsModel

/// Events are what a write answers with, what the journal records and what snapshots hold by
/// the million: they write their JSON by hand, the bytes their `Codable` conformance gives
/// (keys in ascending order, nil members left out), at a fraction of the generic encoder's cost.
extension Event: JSONSelfWriting {
    public func writeJSON(to json: inout JSONOutput) throws {
        try json.object { json in
            try json.number("confidence", confidence)
            if let date { json.object("date") { date.writeMembers(to: &$0) } }
            json.string("extractorVersion", extractorVersion)
            try json.array("figures", count: figures.count) { json, index in
                try json.object { try figures[index].writeMembers(to: &$0) }
            }
            json.string("id", id)
            json.string("location", location)
            json.array("participants", count: participants.count) { json, index in
                json.object { json in
                    json.string("entityId", participants[index].entityId)
                    json.string("role", participants[index].role.rawValue)
                }
            }
            json.string("said", said)
            json.array("sources", count: sources.count) { json, index in json.object { sources[index].writeMembers(to: &$0) } }
            json.string("status", status.rawValue)
            json.string("summary", summary)
            json.string("type", type.rawValue)
        }
    }
}

extension EventDate {
    fileprivate func writeMembers(to json: inout JSONOutput) {
        json.string("earliest", earliest.description)
        json.string("latest", latest.description)
        json.string("modifier", modifier?.rawValue)
        json.string("phrase", phrase)
        json.string("precision", precision.rawValue)
        json.string("value", value)
    }
}

extension Figure {
    fileprivate func writeMembers(to json: inout JSONOutput) throws {
        json.string("kind", kind)
        json.string("qualifier", qualifier.rawValue)
        json.string("text", text)
        json.string("unit", unit)
        try json.number("value", value)
    }
}

extension EventSource {
    fileprivate func writeMembers(to json: inout JSONOutput) {
        json.string("articleId", articleId)
        json.integer("end", end)
        json.string("quote", quote)
        json.integer("sentenceIndex", sentenceIndex)
        json.integer("start", start)
    }
}
