import HTTPServer
import HTTPTypes
import NewsModel

/// `POST /events`, `PUT`, `PATCH` and `DELETE /events/{id}`.
///
/// A posted event's id is the slug of its date value, its type and its first participant
/// (`2024-08-13-consult-vladimir-putin`), with a suffix `-N` when taken: N above every suffix
/// an event id on that base has carried, so picking one costs the same however many share it.
struct EventWriteRoutes: Sendable {
    let ingestion: Ingestion
    let bodyLimit: Int

    func register(in router: inout Router) {
        router.post("/events", blocking: ingestion.answersMayBlock) { request in
            let body = try WriteBody.document(request, accepting: .json, limit: bodyLimit)
            let event = try Self.read(body.root, pathID: nil, in: ingestion.store)
            return try ingestion.answer(newEvent: event, idBase: Self.baseID(of: event)) { event, latest in
                try EventInput.checkReferences(of: event, in: latest)
            } with: { written, json in
                WriteResponse.resource(json: json, created: WriteResponse.location("events", written.id))
            }
        }
        router.put("/events/{id}", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            let body = try WriteBody.document(request, accepting: .json, limit: bodyLimit)
            let event = try Self.read(body.root, pathID: id, in: ingestion.store)
            var created = false
            return try ingestion.answer { latest in
                let current = latest.event(id)
                try Preconditions.check(request, current: current)
                try EventInput.checkReferences(of: event, in: latest)
                created = current == nil
                return event
            } with: { json in
                WriteResponse.resource(json: json, created: created ? WriteResponse.location("events", id) : nil)
            }
        }
        router.patch("/events/{id}", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            let patch = try WriteBody.parse(request, accepting: .mergePatch, limit: bodyLimit)
            try FieldValidator.checkPatch(patch, known: EventInput.fields, nested: ["date": EventDateInput.fields])
            // The patch applies to the event as it stands when the write is decided.
            return try ingestion.answer { latest in
                guard let current = latest.event(id) else {
                    try Preconditions.check(request, current: Optional<Event>.none)
                    throw APIError.notFound("event", id)
                }
                try Preconditions.check(request, current: current)
                let target = Self.rederivingDate(try JSONValue.of(current), for: patch)
                return try EventInput.read(JSONMergePatch.apply(patch, to: target), pathID: id, in: latest)
            } with: { json in
                WriteResponse.resource(json: json, created: nil)
            }
        }
        router.delete("/events/{id}", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            return try ingestion.answer(
                { latest in
                    let current = latest.event(id)
                    try Preconditions.check(request, current: current)
                    guard current != nil else { throw APIError.notFound("event", id) }
                    return [.deleteEvent(id: id)]
                }, with: WriteResponse.deleted)
        }
    }

    /// The event a body gives, read on the store's last published snapshot, and again on its
    /// current one only when that fails: what the event names is checked again when the write is
    /// decided, so a stale snapshot can only refuse too much, and then the current one decides.
    static func read(_ body: JSONDocument.Value, pathID: String?, in store: NewsStore) throws(HTTPError) -> Event {
        do {
            return try EventInput.read(body, pathID: pathID, in: store.lastPublished)
        } catch {
            return try EventInput.read(body, pathID: pathID, in: store.snapshot)
        }
    }

    /// The slug of the date value, the type and the first participant.
    static func baseID(of event: Event) -> String {
        // Joined in one string made large enough at once: a write makes one of these.
        var text = ""
        text.reserveCapacity(80)
        if let date = event.date { text += date.value + " " }
        text += event.type.rawValue
        if let first = event.participants.first { text += " " + first.entityId }
        return Slug.make(text)
    }

    /// The current event prepared for a patch that changes its date's value, precision or
    /// modifier without giving the range: the stored `earliest` and `latest` (and the precision,
    /// when only the value changes) are dropped so that they are derived again, not kept stale.
    static func rederivingDate(_ current: JSONValue, for patch: JSONValue) -> JSONValue {
        guard case .object(var event) = current, let changes = patch.members?["date"]?.members,
            case .object(var date)? = event["date"],
            changes["earliest"] == nil, changes["latest"] == nil,
            changes["value"] != nil || changes["precision"] != nil || changes["modifier"] != nil
        else { return current }
        date["earliest"] = nil
        date["latest"] = nil
        if changes["value"] != nil, changes["precision"] == nil { date["precision"] = nil }
        event["date"] = .object(date)
        return .object(event)
    }
}
