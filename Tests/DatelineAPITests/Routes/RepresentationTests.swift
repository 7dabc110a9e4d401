import Testing

@testable import DatelineAPI

@Suite struct RepresentationTests {
    let client = TestClient()

    @Test(
        arguments: [
            ("/events", nil, "application/json; charset=utf-8"),
            ("/events", "*/*", "application/json; charset=utf-8"),
            ("/events", "text/csv;q=0.5, application/json", "application/json; charset=utf-8"),
            ("/events", "application/json;q=0.1, text/csv", "text/csv; charset=utf-8"),
            ("/events", "text/*", "text/csv; charset=utf-8"),
            ("/events", "application/*;q=0.9, application/x-ndjson", "application/x-ndjson; charset=utf-8"),
            ("/events", "application/x-ndjson;q=0, */*;q=0.1", "application/json; charset=utf-8"),
            ("/entities", "application/x-ndjson, application/json;q=0.9", "application/x-ndjson; charset=utf-8"),
            ("/entities/gaza", "application/json, text/html;q=0.9", "application/json; charset=utf-8"),
            ("/healthz", "application/*", "application/json; charset=utf-8"),
        ] as [(String, String?, String)])
    func acceptChoosesTheForm(target: String, accept: String?, contentType: String) {
        let response = client.get(target, accept: accept)
        #expect(response.status == 200, "\(target) \(accept ?? "-")")
        #expect(response[.contentType] == contentType, "\(target) \(accept ?? "-")")
    }

    @Test(arguments: [
        ("/events", "text/html"),
        ("/entities", "text/csv"),
        ("/healthz", "application/json;q=0"),
        ("/events/hamas-abbas-talks", "application/x-ndjson"),
        ("/timeline", "image/*"),
    ])
    func acceptAllowingNoneIsNotAcceptable(target: String, accept: String) {
        let response = client.get(target, accept: accept)
        #expect(response.status == 406)
        #expect(response[.contentType] == "application/problem+json")
    }

    @Test func formatOverridesAccept() {
        #expect(client.get("/events?format=json", accept: "text/csv")[.contentType] == "application/json; charset=utf-8")
        #expect(client.get("/events?format=csv", accept: "application/json")[.contentType] == "text/csv; charset=utf-8")
    }

    @Test func responsesVaryOnAccept() {
        #expect(client.get("/events")[.vary]?.contains("Accept") == true)
    }

    @Test func mediaRangesAreRead() {
        let ranges = MediaRange.parse("text/csv ; q=0.5,application/JSON,bogus, */*;q=2")
        #expect(
            ranges == [
                MediaRange(type: "text", subtype: "csv", quality: 0.5),
                MediaRange(type: "application", subtype: "json", quality: 1),
            ])
    }
}
