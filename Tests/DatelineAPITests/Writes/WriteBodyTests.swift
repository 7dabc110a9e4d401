import HTTPTypes
import Testing

@testable import DatelineAPI

/// Media types, sizes and well-formedness of write bodies: 415, 413 and 400.
@Suite struct WriteBodyTests {
    let client = WriteClient()
    let entity: [String: Any] = ["name": "Angela Merkel", "type": "person"]

    @Test func otherMediaTypesAreRefused() {
        for contentType in ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"] {
            let response = client.send(.post, "/entities", json: entity, contentType: contentType)
            #expect(response.status == 415, "\(contentType)")
            #expect(response[.contentType] == "application/problem+json")
        }
        #expect(client.send(.post, "/entities", json: entity, contentType: nil).status == 415)
        #expect(client.send(.post, "/entities", json: entity, contentType: "application/merge-patch+json").status == 415)
        #expect(client.send(.post, "/entities", json: entity, contentType: "Application/JSON; charset=UTF-8").status == 201)
    }

    @Test func patchTakesMergePatchOrJSON() {
        let patch = client.send(.patch, "/entities/gaza", json: ["description": "A"], contentType: "text/plain")
        #expect(patch.status == 415)
        #expect(patch[HTTPField.Name("Accept-Patch")!] == "application/merge-patch+json")
        #expect(client.send(.patch, "/entities/gaza", json: ["description": "A"], contentType: "application/json").status == 200)
        #expect(
            client.send(.patch, "/entities/gaza", json: ["description": "B"], contentType: "application/merge-patch+json").status == 200)
    }

    @Test func malformedJSONIsABadRequest() {
        for text in ["{\"name\": ", "", "{'name': 'x'}", "[1,]"] {
            let response = client.send(.post, "/entities", body: Array(text.utf8))
            #expect(response.status == 400, "\(text)")
        }
    }

    @Test func bodiesOverTheLimitAreTooLarge() {
        let small = WriteClient(bodyLimit: 64)
        let response = small.post("/entities", ["name": String(repeating: "x", count: 100), "type": "person"])
        #expect(response.status == 413)
    }

    @Test func wellFormedButNotAnObjectIsUnprocessable() {
        let response = client.post("/entities", ["a", "b"])
        #expect(response.status == 422)
        #expect(response.errorFields == ["(body)"])
    }
}
