import Foundation
import HTTPTypes
import NewsModel
import Testing

@testable import DatelineAPI

/// Entities through the whole application: create, replace, patch, merge, delete.
@Suite struct EntityWriteRoutesTests {
    let client = WriteClient()

    @Test func postCreatesWithTheSlugOfTheName() throws {
        let response = client.post(
            "/entities",
            [
                "name": "Angela Merkel", "type": "person", "aliases": ["Merkel"],
                "wikidataId": "Q567",
            ])
        #expect(response.status == 201)
        #expect(response[.location] == "/entities/angela-merkel")
        #expect(response.json["id"] as? String == "angela-merkel")
        #expect(response.json["mentionCount"] as? Int == 0)
        let stored = try #require(client.store.snapshot.entity("angela-merkel"))
        #expect(stored.aliases == ["Merkel"])
        #expect(stored.wikidataId == "Q567")
    }

    @Test func postTakesAnIdAndRefusesOneThatExists() {
        #expect(client.post("/entities", ["name": "Berlin", "type": "location", "id": "berlin-germany"]).status == 201)
        let conflict = client.post("/entities", ["name": "Gaza", "type": "location"])
        #expect(conflict.status == 409)
        #expect(conflict[.location] == "/entities/gaza")
        #expect(client.post("/entities", ["name": "Somewhere", "type": "location", "id": "gaza"]).status == 409)
    }

    @Test func unprocessableBodiesListEveryField() {
        let response = client.post(
            "/entities",
            [
                "name": " ", "type": "planet", "aliases": ["ok", 3], "wikidataId": "7747",
                "id": "Not A Slug", "colour": "red",
            ])
        #expect(response.status == 422)
        #expect(response[.contentType] == "application/problem+json")
        #expect(Set(response.errorFields) == ["name", "type", "aliases[1]", "wikidataId", "id", "colour"])
        let missing = client.post("/entities", [String: Any]())
        #expect(Set(missing.errorFields) == ["name", "type"])
    }

    @Test func putCreatesThenReplaces() {
        let created = client.put("/entities/olaf-scholz", ["name": "Olaf Scholz", "type": "person", "description": "Chancellor"])
        #expect(created.status == 201)
        #expect(created[.location] == "/entities/olaf-scholz")
        let replaced = client.put("/entities/olaf-scholz", ["name": "Olaf Scholz", "type": "person"])
        #expect(replaced.status == 200)
        #expect(replaced[.location] == nil)
        // Full replacement: the description not given is gone.
        #expect(client.store.snapshot.entity("olaf-scholz")?.description == nil)
        #expect(client.put("/entities/olaf-scholz", ["name": "Olaf Scholz", "type": "person", "id": "someone-else"]).status == 422)
        #expect(client.put("/entities/Bad%20Id", ["name": "X", "type": "person"]).errorFields == ["id"])
    }

    @Test func putKeepsTheMentionsTheStoreCounts() {
        let response = client.put("/entities/gaza", ["name": "Gaza Strip", "type": "location", "mentionCount": 99])
        #expect(response.status == 200)
        #expect(response.json["name"] as? String == "Gaza Strip")
        #expect(response.json["mentionCount"] as? Int == 3)
        #expect(response.json["articleIds"] as? [String] == ["aid-reaches-gaza", "putin-hosts-abbas"])
    }

    @Test func writesMakeAMachineMadeEntityTheEditors() throws {
        var machineMade = try #require(client.store.snapshot.entity("gaza"))
        machineMade.extractorVersion = "dateline-extract-1.1"
        client.store.upsert(machineMade)
        let patched = client.patch("/entities/gaza", ["description": "A coastal strip."])
        #expect(patched.status == 200)
        #expect(patched.json["extractorVersion"] == nil)
        #expect(client.store.snapshot.entity("gaza")?.extractorVersion == nil)
        // A GET body sent back whole, extractorVersion included, is accepted and the version dropped.
        var body = client.get("/entities/gaza").json
        body["extractorVersion"] = "dateline-extract-1.1"
        #expect(client.put("/entities/gaza", body).status == 200)
        #expect(client.store.snapshot.entity("gaza")?.extractorVersion == nil)
    }

    @Test func patchFollowsMergePatchRules() throws {
        // null removes, a scalar replaces, an array replaces whole.
        let response = client.patch(
            "/entities/vladimir-putin",
            [
                "wikidataId": NSNull(), "aliases": ["V. V. Putin"],
                "description": "President of Russia",
            ])
        #expect(response.status == 200)
        let entity = try #require(client.store.snapshot.entity("vladimir-putin"))
        #expect(entity.wikidataId == nil)
        #expect(entity.aliases == ["V. V. Putin"])
        #expect(entity.description == "President of Russia")
        #expect(entity.name == "Vladimir Putin")
        #expect(entity.type == .person)
        // Removing a required member is unprocessable, and nothing changes.
        let refused = client.patch("/entities/vladimir-putin", ["name": NSNull(), "type": "planet"])
        #expect(refused.status == 422)
        #expect(Set(refused.errorFields) == ["name", "type"])
        #expect(client.store.snapshot.entity("vladimir-putin") == entity)
        #expect(client.patch("/entities/nobody", ["name": "X"]).status == 404)
        // A patch that could never apply is unprocessable, whether or not the entity exists.
        #expect(client.patch("/entities/nobody", ["colour": NSNull()]).errorFields == ["colour"])
        #expect(client.patch("/entities/gaza", ["a", "b"]).errorFields == ["(body)"])
        #expect(client.patch("/entities/gaza", ["mentionCount": "many"]).errorFields == ["mentionCount"])
    }

    @Test func deleteRemovesTheEntityAndItsReferences() {
        #expect(client.delete("/entities/hamas").status == 204)
        #expect(client.get("/entities/hamas").status == 404)
        #expect(client.store.snapshot.event("hamas-abbas-talks")?.participants.map(\.entityId) == ["mahmoud-abbas"])
        #expect(client.delete("/entities/hamas").status == 404)
    }

    @Test func mergeMovesEverythingAndRedirects() throws {
        #expect(client.post("/entities", ["name": "Vladimir Vladimirovich Putin", "type": "person", "id": "putin-vv"]).status == 201)
        #expect(
            client.put(
                "/events/putin-speaks",
                [
                    "type": "statement", "summary": "Putin spoke", "status": "occurred",
                    "participants": [["entityId": "putin-vv", "role": "actor"]],
                ]
            ).status == 201)
        let merged = client.post("/entities/vladimir-putin/merge", ["id": "putin-vv"])
        #expect(merged.status == 200)
        #expect((merged.json["aliases"] as? [String])?.contains("Vladimir Vladimirovich Putin") == true)
        let redirect = client.get("/entities/putin-vv")
        #expect(redirect.status == 301)
        #expect(redirect[.location] == "/entities/vladimir-putin")
        #expect(client.store.snapshot.event("putin-speaks")?.participants.first?.entityId == "vladimir-putin")
        // A repeat is answered the same, without a new version.
        let version = client.store.snapshot.version
        #expect(client.post("/entities/vladimir-putin/merge", ["id": "putin-vv"]).status == 200)
        #expect(client.store.snapshot.version == version)
    }

    @Test func mergeRefusesWhatCannotBeMerged() {
        #expect(client.post("/entities/vladimir-putin/merge", ["id": "nobody"]).errorFields == ["id"])
        #expect(client.post("/entities/vladimir-putin/merge", ["id": "vladimir-putin"]).status == 422)
        #expect(client.post("/entities/vladimir-putin/merge", ["other": "gaza"]).status == 422)
        #expect(client.post("/entities/nobody/merge", ["id": "gaza"]).status == 404)
    }

    @Test func writesNeedTheToken() {
        let body: [String: Any] = ["name": "Angela Merkel", "type": "person"]
        let missing = client.send(.post, "/entities", json: body, authorization: "")
        #expect(missing.status == 401)
        #expect(missing[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
        #expect(client.send(.post, "/entities", json: body, authorization: "Bearer wrong").status == 403)
        #expect(client.send(.delete, "/entities/gaza", authorization: "").status == 401)
        #expect(client.store.snapshot.entity("angela-merkel") == nil)
        #expect(client.get("/entities/gaza").status == 200)
    }

    @Test func withoutATokenWritesAreRefusedUnlessAnonymousWritesAreAllowed() {
        let closed = WriteClient(token: nil)
        #expect(closed.send(.post, "/entities", json: ["name": "A", "type": "person"], authorization: "").status == 403)
        #expect(closed.post("/entities", ["name": "A", "type": "person"]).status == 403)
        let open = WriteClient(token: nil, allowAnonymous: true)
        #expect(open.send(.post, "/entities", json: ["name": "A", "type": "person"], authorization: "").status == 201)
    }
}
