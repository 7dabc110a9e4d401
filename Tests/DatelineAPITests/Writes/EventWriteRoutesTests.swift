import Foundation
import HTTPTypes
import NewsModel
import Testing

@testable import DatelineAPI

/// Events through the whole application: ids, dates, references, patches.
@Suite struct EventWriteRoutesTests {
    let client = WriteClient()

    static var meeting: [String: Any] {
        [
            "type": "consult", "summary": "Vladimir Putin met Mahmoud Abbas", "status": "occurred",
            "date": ["value": "2024-06", "modifier": "late", "phrase": "in late June"],
            "location": "moscow",
            "participants": [["entityId": "vladimir-putin", "role": "host"], ["entityId": "mahmoud-abbas", "role": "guest"]],
            "figures": [["kind": "people", "value": 2]],
            "sources": [["articleId": "putin-hosts-abbas", "sentenceIndex": 0, "start": 0, "end": 10, "quote": "Vladimir P"]],
            "confidence": 0.9,
        ]
    }

    @Test func postMakesAnIdAndDerivesTheRange() throws {
        let response = client.post("/events", Self.meeting)
        #expect(response.status == 201)
        #expect(response[.location] == "/events/2024-06-consult-vladimir-putin")
        let event = try #require(client.store.snapshot.event("2024-06-consult-vladimir-putin"))
        #expect(event.date?.precision == .month)
        #expect(event.date?.earliest == Day("2024-06-21"))
        #expect(event.date?.latest == Day("2024-06-30"))
        #expect(event.extractorVersion == nil)
        #expect(event.figures.first?.qualifier == .exact)
        // The same again gets a unique id.
        #expect(client.post("/events", Self.meeting)[.location] == "/events/2024-06-consult-vladimir-putin-2")
    }

    @Test func aStatementCarriesWhatWasSaid() throws {
        let statement: [String: Any] = [
            "type": "statement", "summary": "Hamas announced an execution", "status": "occurred",
            "participants": [["entityId": "hamas", "role": "actor"]], "said": "it had executed an Israeli hostage",
        ]
        let response = client.post("/events", statement)
        #expect(response.status == 201)
        #expect(response.json["said"] as? String == "it had executed an Israeli hostage")
        #expect(client.post("/events", statement.merging(["said": 7]) { $1 }).status == 422)
    }

    @Test func undatedEventsWithoutParticipantsStillGetAnId() {
        let response = client.post("/events", ["type": "disaster", "summary": "A flood", "status": "occurred", "participants": []])
        #expect(response.status == 201)
        #expect(response.json["id"] as? String == "disaster")
        #expect(response.json["confidence"] as? Double == 1)
    }

    @Test(arguments: [
        (#"{"date": {"value": "2024-13"}}"#, "date.value"),
        (#"{"date": {"value": "2024-06", "precision": "day"}}"#, "date.precision"),
        (#"{"date": {"value": "2024-06", "earliest": "2024-07-01"}}"#, "date.earliest"),
        (#"{"date": {"value": "2024-06", "earliest": "2024-06-20", "latest": "2024-06-10"}}"#, "date.earliest"),
        (#"{"date": {"value": "2024", "modifier": "sometime"}}"#, "date.modifier"),
        (#"{"participants": [{"entityId": "nobody", "role": "actor"}]}"#, "participants[0].entityId"),
        (#"{"participants": [{"entityId": "hamas", "role": "villain"}]}"#, "participants[0].role"),
        (#"{"participants": [{"role": "actor"}]}"#, "participants[0].entityId"),
        (#"{"location": "atlantis"}"#, "location"),
        (#"{"type": "party"}"#, "type"),
        (#"{"status": "rumoured"}"#, "status"),
        (#"{"confidence": 1.5}"#, "confidence"),
        (#"{"confidence": "high"}"#, "confidence"),
        (#"{"summary": ""}"#, "summary"),
        (#"{"summary": " \t\n"}"#, "summary"),
        (#"{"summary": "\u00a0\u2003"}"#, "summary"),
        ("{\"summary\": \"\(String(repeating: "é", count: 2_001))\"}", "summary"),
        (#"{"sources": [{"articleId": "nope", "sentenceIndex": 0, "start": 0, "end": 1, "quote": "x"}]}"#, "sources[0].articleId"),
        (
            #"{"sources": [{"articleId": "putin-hosts-abbas", "sentenceIndex": 0.5, "start": 0, "end": 1, "quote": "x"}]}"#,
            "sources[0].sentenceIndex"
        ),
        (#"{"figures": [{"kind": "fatalities"}]}"#, "figures[0].value"),
        (#"{"id": "chosen"}"#, "id"),
    ])
    func wrongFieldsAreNamed(_ change: String, field: String) throws {
        var body = Self.meeting
        let changes = try #require(try JSONSerialization.jsonObject(with: Data(change.utf8)) as? [String: Any])
        for (key, value) in changes { body[key] = value }
        let response = client.post("/events", body)
        #expect(response.status == 422)
        #expect(response.errorFields == [field])
        #expect(client.store.snapshot.eventCount == Fixtures.events.count)
    }

    @Test func requiredFieldsAreListedTogether() {
        let response = client.post("/events", ["summary": "Something"])
        #expect(Set(response.errorFields) == ["type", "status", "participants"])
        #expect((response.json["errors"] as? [[String: Any]])?.first?["problem"] as? String == "is required.")
    }

    @Test func aMergedEntityIsNamedInTheProblem() {
        #expect(client.post("/entities/mahmoud-abbas/merge", ["id": "hamas"]).status == 200)
        var body = Self.meeting
        body["participants"] = [["entityId": "hamas", "role": "actor"]]
        let response = client.post("/events", body)
        #expect(response.errorFields == ["participants[0].entityId"])
        #expect(response.text.contains("mahmoud-abbas"))
    }

    @Test func putCreatesThenReplaces() throws {
        var body = Self.meeting
        #expect(client.put("/events/chosen-id", body).status == 201)
        body["summary"] = "Replaced"
        body["figures"] = nil
        let replaced = client.put("/events/chosen-id", body)
        #expect(replaced.status == 200)
        let event = try #require(client.store.snapshot.event("chosen-id"))
        #expect(event.summary == "Replaced")
        #expect(event.figures.isEmpty)
        // A GET body sent back whole is a valid replacement.
        let current = client.get("/events/hamas-fight-gaza-2024-06")
        let echoed = client.send(.put, "/events/hamas-fight-gaza-2024-06", body: current.bytes)
        #expect(echoed.status == 200)
        #expect(client.store.snapshot.event("hamas-fight-gaza-2024-06")?.extractorVersion == nil)
    }

    @Test func patchMergesNestedObjectsAndReplacesArrays() throws {
        let response = client.patch(
            "/events/hamas-fight-gaza-2024-06",
            [
                "date": ["phrase": "at the end of June"],
                "participants": [["entityId": "hamas", "role": "actor"], ["entityId": "gaza", "role": "target"]],
                "location": NSNull(),
            ])
        #expect(response.status == 200)
        let event = try #require(client.store.snapshot.event("hamas-fight-gaza-2024-06"))
        #expect(event.date?.phrase == "at the end of June")
        #expect(event.date?.modifier == .late)
        #expect(event.date?.earliest == Day("2024-06-21"))
        #expect(event.participants.count == 2)
        #expect(event.location == nil)
        #expect(event.figures.count == 1)
    }

    @Test func patchingTheDateValueDerivesTheRangeAgain() throws {
        let response = client.patch("/events/putin-hosts-abbas-2024-08-13", ["date": ["value": "2024-09"]])
        #expect(response.status == 200)
        let date = try #require(client.store.snapshot.event("putin-hosts-abbas-2024-08-13")?.date)
        #expect(date.precision == .month)
        #expect(date.earliest == Day("2024-09-01"))
        #expect(date.latest == Day("2024-09-30"))
        #expect(client.patch("/events/putin-hosts-abbas-2024-08-13", ["date": NSNull()]).status == 200)
        #expect(client.store.snapshot.event("putin-hosts-abbas-2024-08-13")?.date == nil)
    }

    @Test(arguments: [
        ("2024-W33", "week", "2024-08-12", "2024-08-18"), ("2024-W33-WE", "week", "2024-08-17", "2024-08-18"),
        ("2024-Q3", "quarter", "2024-07-01", "2024-09-30"), ("199", "decade", "1990-01-01", "1999-12-31"),
    ])
    func patchingTakesTimexValues(_ value: String, precision: String, earliest: String, latest: String) throws {
        let response = client.patch("/events/putin-hosts-abbas-2024-08-13", ["date": ["value": value]])
        #expect(response.status == 200)
        let date = try #require(client.store.snapshot.event("putin-hosts-abbas-2024-08-13")?.date)
        #expect(date.precision.rawValue == precision)
        #expect(date.earliest == Day(earliest) && date.latest == Day(latest))
        #expect(client.patch("/events/putin-hosts-abbas-2024-08-13", ["date": ["value": "2024-W53"]]).status == 422)
    }

    @Test func deleteAndMissingEvents() {
        #expect(client.delete("/events/hamas-abbas-talks").status == 204)
        #expect(client.get("/events/hamas-abbas-talks").status == 404)
        #expect(client.delete("/events/hamas-abbas-talks").status == 404)
        #expect(client.patch("/events/hamas-abbas-talks", ["summary": "x"]).status == 404)
    }
}
