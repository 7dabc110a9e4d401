import NewsModel
import Testing

@testable import DatelineAPI

/// Every way a query can be wrong answers 400 naming the parameter.
@Suite struct QueryParametersTests {
    let client = TestClient()

    @Test(arguments: [
        ("/events?limit=0", "limit"),
        ("/events?limit=501", "limit"),
        ("/events?limit=ten", "limit"),
        ("/events?limit=", "limit"),
        ("/events?limit=2.5", "limit"),
        ("/events?limit=1&limit=2", "limit"),
        ("/events?sort=date&sort=-date", "sort"),
        ("/events?sort=newest", "sort"),
        ("/events?from=2024-13", "from"),
        ("/events?from=2024-02-30", "from"),
        ("/events?from=24-06-01", "from"),
        ("/events?to=June", "to"),
        ("/events?from=2024-07&to=2024-06", "from"),
        ("/events?type=meeting", "type"),
        ("/events?type=aid,", "type"),
        ("/events?status=done", "status"),
        ("/events?entity=", "entity"),
        ("/events?location=", "location"),
        ("/events?q=", "q"),
        ("/events?cursor=%21%21", "cursor"),
        ("/events?cursor=abc", "cursor"),
        ("/events?cursor=", "cursor"),
        ("/events?colour=red", "colour"),
        ("/events?pretty=yes", "pretty"),
        ("/readyz?pretty=FALSE", "pretty"),
        ("/events?format=xml", "format"),
        ("/timeline?granularity=week", "granularity"),
        ("/timeline?limit=5", "limit"),
        ("/timeline?from=2024-00", "from"),
        ("/articles?limit=-1", "limit"),
        ("/articles?cursor=Zm9v", "cursor"),
        ("/articles?type=person", "type"),
        ("/articles/putin-hosts-abbas?limit=1", "limit"),
        ("/entities?type=planet", "type"),
        ("/entities?q=", "q"),
        ("/entities?cursor=nope", "cursor"),
        ("/entities/gaza/related?cursor=bm9wZQ", "cursor"),
        ("/entities/gaza/articles?limit=1000", "limit"),
        ("/search", "q"),
        ("/search?q=", "q"),
        ("/search?q=gaza&sort=date", "sort"),
        ("/openapi.json?format=ndjson", "format"),
    ])
    func badInputIsRefused(target: String, parameter: String) {
        let response = client.get(target)
        #expect(response.status == 400, "\(target)")
        #expect(response.parameter == parameter, "\(target)")
        #expect(response[.contentType] == "application/problem+json")
        #expect((response.json["detail"] as? String)?.contains("\"\(parameter)\"") == true, "\(target)")
    }

    @Test(arguments: ["", "=1", "=true"])
    func prettyIndents(value: String) {
        let response = client.get("/events/hamas-statement-2023?pretty\(value)")
        #expect(response.text.contains("\n  \"confidence\" : 0.75,\n"))
    }

    @Test(arguments: ["=0", "=false"])
    func prettyCanBeTurnedOff(value: String) {
        #expect(!client.get("/events/hamas-statement-2023?pretty\(value)").text.contains("\n"))
    }

    @Test func theLimitDefaultsToFiftyAndCapsAtFiveHundred() throws {
        let store = Fixtures.store()
        for index in 0..<520 {
            store.upsert(Event.make("bulk-\(index)", .other, "Bulk \(index)", date: .on("2022-01-01", phrase: "then")))
        }
        let client = TestClient(store: store)
        #expect(client.get("/events").ids.count == 50)
        #expect(client.get("/events?limit=500").ids.count == 500)
        #expect(client.get("/events?limit=501").status == 400)
    }
}
