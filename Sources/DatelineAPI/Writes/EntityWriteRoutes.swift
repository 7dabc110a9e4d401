import HTTPServer
import HTTPTypes
import NewsModel

/// `POST /entities`, `PUT`, `PATCH` and `DELETE /entities/{id}`, and
/// `POST /entities/{id}/merge`, which folds another entity into this one.
struct EntityWriteRoutes: Sendable {
    let ingestion: Ingestion
    let bodyLimit: Int

    func register(in router: inout Router) {
        router.post("/entities", blocking: ingestion.answersMayBlock) { request in
            let body = try WriteBody.parse(request, accepting: .json, limit: bodyLimit)
            let entity = try EntityInput.read(body, pathID: nil)
            return try ingestion.answer { latest in
                guard latest.entity(entity.id) == nil else {
                    throw HTTPError(
                        .conflict, detail: "An entity with the id \"\(entity.id)\" exists; PUT or PATCH it, or give another id.",
                        extensions: ["id": .string(entity.id)],
                        headerFields: [.location: WriteResponse.location("entities", entity.id)])
                }
                return [.upsertEntity(entity)]
            } reading: { after in
                try Self.stored(entity.id, in: after)
            } with: { stored in
                try WriteResponse.resource(stored, created: WriteResponse.location("entities", stored.id))
            }
        }
        router.put("/entities/{id}", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            let body = try WriteBody.parse(request, accepting: .json, limit: bodyLimit)
            let entity = try EntityInput.read(body, pathID: id)
            var created = false
            return try ingestion.answer { latest in
                let current = latest.entity(id)
                try Preconditions.check(request, current: current)
                created = current == nil
                return [.upsertEntity(entity)]
            } reading: { after in
                try Self.stored(id, in: after)
            } with: { stored in
                try WriteResponse.resource(stored, created: created ? WriteResponse.location("entities", id) : nil)
            }
        }
        router.patch("/entities/{id}", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            let patch = try WriteBody.parse(request, accepting: .mergePatch, limit: bodyLimit)
            try FieldValidator.checkPatch(patch, known: EntityInput.fields, nested: ["coordinates": EntityInput.coordinateFields])
            // The patch applies to the entity as it stands when the write is decided.
            return try ingestion.answer { latest in
                let current = try existing(id, in: latest)
                try Preconditions.check(request, current: current)
                return [.upsertEntity(try EntityInput.read(JSONMergePatch.apply(patch, to: JSONValue.of(current)), pathID: id))]
            } reading: { after in
                try Self.stored(id, in: after)
            } with: { stored in
                try WriteResponse.resource(stored, created: nil)
            }
        }
        router.delete("/entities/{id}", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            return try ingestion.answer(
                { latest in
                    let current = latest.entity(id)
                    try Preconditions.check(request, current: current)
                    _ = try existing(id, in: latest)
                    return [.deleteEntity(id: id)]
                }, with: WriteResponse.deleted)
        }
        router.post("/entities/{id}/merge", blocking: ingestion.answersMayBlock) { request in
            let id = request.parameters["id"] ?? ""
            let other = try Self.mergeSource(WriteBody.parse(request, accepting: .json, limit: bodyLimit))
            return try ingestion.answer { latest in
                let survivor = try existing(id, in: latest)
                try Preconditions.check(request, current: survivor)
                if latest.redirect(for: other) == id { return [] }
                guard other != id else {
                    throw FieldError.unprocessable([FieldError(field: "id", problem: "must name another entity than \"\(id)\".")])
                }
                guard latest.entity(other) != nil else {
                    throw FieldError.unprocessable([FieldError(field: "id", problem: "names no entity: \"\(other)\" is unknown.")])
                }
                return [.mergeEntity(id: other, into: id)]
            } reading: { after in
                try Self.stored(id, in: after)
            } with: { stored in
                try WriteResponse.resource(stored, created: nil)
            }
        }
    }

    /// The entity as the snapshot a write made holds it (with its mention counts).
    private static func stored(_ id: String, in snapshot: StoreSnapshot) throws(HTTPError) -> Entity {
        guard let stored = snapshot.entity(id) else { throw APIError.notFound("entity", id) }
        return stored
    }

    /// The entity of the path; 404 when there is none (saying where a merged id went).
    private func existing(_ id: String, in snapshot: StoreSnapshot) throws(HTTPError) -> Entity {
        if let entity = snapshot.entity(id) { return entity }
        if let target = snapshot.redirect(for: id) {
            throw HTTPError(
                .notFound, detail: "Entity \"\(id)\" was merged into \"\(target)\"; write to that one.",
                extensions: ["mergedInto": .string(target)])
        }
        throw APIError.notFound("entity", id)
    }

    /// The other entity's id from `{"id": "..."}`.
    static func mergeSource(_ body: JSONValue) throws(HTTPError) -> String {
        var validator = FieldValidator()
        if let object = validator.object(body, "") {
            validator.onlyKnown(object, ["id"])
            if let id = validator.string(object["id"], "id") {
                try validator.check()
                return id
            }
        }
        try validator.check()
        preconditionFailure("an unread id is an error")
    }
}
