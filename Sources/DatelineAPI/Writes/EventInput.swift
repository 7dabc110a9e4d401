import HTTPServer
import NewsModel

/// An event as a write's body gives it: `{type, summary, date?, status, location?,
/// participants: [{entityId, role}], figures?, sources?, confidence?, said?}`.
///
/// Every entity id (participants, location) and article id (sources) must name one the
/// store holds. `id` may be present when it is the path's; `extractorVersion` may be present
/// (a GET body sent back whole) and is dropped: an event written through the API is the
/// editor's, not the extractor's.
enum EventInput {
    static let fields: Set<String> = [
        "id", "type", "summary", "date", "status", "location", "participants", "figures",
        "sources", "confidence", "extractorVersion", "said",
    ]
    static let participantFields: Set<String> = ["entityId", "role"]
    static let figureFields: Set<String> = ["kind", "value", "unit", "qualifier", "text"]
    static let sourceFields: Set<String> = ["articleId", "sentenceIndex", "start", "end", "quote"]

    /// Reads and checks an event against `snapshot`; its id is `pathID`, or empty for the caller
    /// to make one (POST).
    static func read<V: BodyValue>(_ body: V, pathID: String?, in snapshot: StoreSnapshot) throws(HTTPError) -> Event {
        var validator = FieldValidator()
        guard let object = validator.object(body, "") else {
            try validator.check()
            preconditionFailure("a missing object is an error")
        }
        validator.onlyKnown(object, fields)
        if let pathID {
            if !FieldValidator.isSlug(pathID) {
                validator.fail("id", "the path's id must be a slug of lower-case letters, digits and single dashes, got \"\(pathID)\".")
            }
            if let bodyID = validator.string(object["id"], "id", required: false), bodyID != pathID {
                validator.fail("id", "must be the id of the path, \"\(pathID)\", got \"\(bodyID)\".")
            }
        } else if let id = object["id"], !id.isNull {
            validator.fail("id", "is made by the server; leave it out, or PUT /events/{id} to choose it.")
        }
        let type = validator.choice(object["type"], "type", EventType.self)
        let summary = validator.string(object["summary"], "summary", maxLength: 2_000)
        let date = EventDateInput.read(object["date"], "date", validator: &validator)
        let status = validator.choice(object["status"], "status", EventStatus.self)
        let location = validator.string(object["location"], "location", required: false)
        if let location { checkEntity(location, "location", in: snapshot, validator: &validator) }
        let participants = readParticipants(object["participants"], in: snapshot, validator: &validator)
        let figures = readFigures(object["figures"], validator: &validator)
        let sources = readSources(object["sources"], in: snapshot, validator: &validator)
        let confidence = validator.number(object["confidence"], "confidence", required: false, in: 0...1)
        let said = validator.string(object["said"], "said", required: false, maxLength: 4_000)
        _ = validator.string(object["extractorVersion"], "extractorVersion", required: false, allowEmpty: true)
        try validator.check()
        guard let type, let summary, let status, let participants else { preconditionFailure("checked above") }
        return Event(
            id: pathID ?? "", type: type, summary: summary, date: date, status: status, location: location,
            participants: participants, figures: figures ?? [], sources: sources ?? [], confidence: confidence ?? 1,
            said: said)
    }

    /// Checks again, against `snapshot`, what `read` checked against an earlier one: that the
    /// entities and articles the event names exist, and that its quotes end within their articles.
    static func checkReferences(of event: Event, in snapshot: StoreSnapshot) throws(HTTPError) {
        var validator = FieldValidator()
        if let location = event.location { checkEntity(location, "location", in: snapshot, validator: &validator) }
        for (index, participant) in event.participants.enumerated() {
            checkEntity(participant.entityId, "participants[\(index)].entityId", in: snapshot, validator: &validator)
        }
        for (index, source) in event.sources.enumerated() {
            let field = ItemField(list: "sources", index: index)
            if let article = snapshot.article(source.articleId) {
                if let problem = beyondBody(source.end, of: article) { validator.fail(field() + ".end", problem) }
            } else {
                validator.fail(field() + ".articleId", unknownArticle(source.articleId))
            }
        }
        try validator.check()
    }

    private static func unknownArticle(_ id: String) -> String {
        "names no article: \"\(id)\" is unknown."
    }

    /// The problem with a quote that ends at `end` in `article`, if it ends past the body.
    private static func beyondBody(_ end: Int, of article: Article) -> String? {
        // A body has at least a quarter as many scalars as UTF-8 bytes: most ends need no count.
        if end <= article.body.utf8.count / 4 { return nil }
        let length = article.body.scalarCount
        return end > length ? "must be within the article's body of \(length) characters, got \(end)." : nil
    }

    private static func checkEntity(
        _ id: String, _ field: @autoclosure () -> String, in snapshot: StoreSnapshot, validator: inout FieldValidator
    ) {
        guard !snapshot.containsEntity(id) else { return }
        if let target = snapshot.redirect(for: id) {
            validator.fail(field(), "names entity \"\(id)\", which was merged into \"\(target)\"; use that id.")
        } else {
            validator.fail(field(), "names no entity: \"\(id)\" is unknown.")
        }
    }

    private static func readParticipants<V: BodyValue>(
        _ value: V?, in snapshot: StoreSnapshot,
        validator: inout FieldValidator
    ) -> [Participant]? {
        guard let items = validator.array(value, "participants") else { return nil }
        var participants: [Participant] = []
        participants.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let field = ItemField(list: "participants", index: index)
            guard let object = validator.object(item, field()) else { continue }
            validator.onlyKnown(object, participantFields, prefix: field())
            let entityId = validator.string(object["entityId"], field() + ".entityId")
            let role = validator.choice(object["role"], field() + ".role", Participant.Role.self)
            if let entityId { checkEntity(entityId, field() + ".entityId", in: snapshot, validator: &validator) }
            guard let entityId, let role else { continue }
            let participant = Participant(entityId: entityId, role: role)
            if participants.contains(participant) {
                validator.fail(field(), "repeats \(entityId) as \(role.rawValue).")
            } else {
                participants.append(participant)
            }
        }
        return participants
    }

    private static func readFigures<V: BodyValue>(_ value: V?, validator: inout FieldValidator) -> [Figure]? {
        guard let items = validator.array(value, "figures", required: false) else { return nil }
        return items.enumerated().compactMap { index, item in
            let field = ItemField(list: "figures", index: index)
            guard let object = validator.object(item, field()) else { return nil }
            validator.onlyKnown(object, figureFields, prefix: field())
            let kind = validator.string(object["kind"], field() + ".kind", maxLength: 100)
            let number = validator.number(object["value"], field() + ".value")
            let unit = validator.string(object["unit"], field() + ".unit", required: false, maxLength: 100)
            let qualifier = validator.choice(object["qualifier"], field() + ".qualifier", Figure.Qualifier.self, required: false)
            let text = validator.string(object["text"], field() + ".text", required: false, maxLength: 500)
            guard let kind, let number else { return nil }
            return Figure(kind: kind, value: number, unit: unit, qualifier: qualifier ?? .exact, text: text)
        }
    }

    private static func readSources<V: BodyValue>(
        _ value: V?, in snapshot: StoreSnapshot,
        validator: inout FieldValidator
    ) -> [EventSource]? {
        guard let items = validator.array(value, "sources", required: false) else { return nil }
        return items.enumerated().compactMap { index, item in
            let field = ItemField(list: "sources", index: index)
            guard let object = validator.object(item, field()) else { return nil }
            validator.onlyKnown(object, sourceFields, prefix: field())
            let articleId = validator.string(object["articleId"], field() + ".articleId")
            let sentenceIndex = validator.integer(object["sentenceIndex"], field() + ".sentenceIndex")
            let start = validator.integer(object["start"], field() + ".start")
            let end = validator.integer(object["end"], field() + ".end")
            let quote = validator.string(object["quote"], field() + ".quote", maxLength: 10_000)
            var article: Article?
            if let articleId {
                article = snapshot.article(articleId)
                if article == nil { validator.fail(field() + ".articleId", unknownArticle(articleId)) }
            }
            guard let articleId, let sentenceIndex, let start, let end, let quote else { return nil }
            if start > end {
                validator.fail(field() + ".end", "must not be before start (\(start)), got \(end).")
                return nil
            }
            if let article, let problem = beyondBody(end, of: article) {
                validator.fail(field() + ".end", problem)
                return nil
            }
            return EventSource(articleId: articleId, sentenceIndex: sentenceIndex, start: start, end: end, quote: quote)
        }
    }
}
