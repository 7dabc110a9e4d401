import Dispatch
import Foundation
import HTTPTypes
import NewsModel
import Testing

@testable import DatelineAPI

/// Writes in a data directory outlive the application that made them; a torn last journal
/// line (a crash mid-append) is dropped and the rest replayed.
@Suite struct WriteDurabilityTests {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("dateline-writes-\(UUID().uuidString)").path

    /// An application on the directory, with its durable state loaded.
    func open() throws -> WriteClient {
        let client = WriteClient(store: NewsStore(), dataDirectory: directory)
        let loaded = DispatchSemaphore(value: 0)
        client.application.loadStore { loaded.signal() }
        #expect(loaded.wait(timeout: .now() + 30) == .success)
        return client
    }

    func write(_ client: WriteClient) -> [String: String] {
        #expect(client.post("/entities", ["name": "Angela Merkel", "type": "person"]).status == 201)
        #expect(client.post("/entities", ["name": "Berlin", "type": "location"]).status == 201)
        #expect(client.post("/entities", ["name": "Bonn", "type": "location"]).status == 201)
        let event = client.post(
            "/events",
            [
                "type": "statement", "summary": "Merkel spoke", "status": "occurred",
                "date": ["value": "2021-12"], "location": "berlin",
                "participants": [["entityId": "angela-merkel", "role": "actor"]],
            ])
        #expect(event.status == 201)
        #expect(client.patch("/entities/angela-merkel", ["description": "Chancellor"]).status == 200)
        #expect(client.delete("/entities/bonn").status == 204)
        return [
            "/entities/angela-merkel": client.get("/entities/angela-merkel")[.eTag] ?? "",
            "/events/2021-12-statement-angela-merkel": client.get("/events/2021-12-statement-angela-merkel")[.eTag] ?? "",
            "/entities/berlin": client.get("/entities/berlin")[.eTag] ?? "",
        ]
    }

    @Test func writesSurviveARestart() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tags = write(try open())
        let reopened = try open()
        for (target, tag) in tags {
            let response = reopened.get(target)
            #expect(response.status == 200, "\(target)")
            #expect(response[.eTag] == tag, "\(target)")
        }
        #expect(reopened.get("/entities/bonn").status == 404)
        #expect(reopened.store.snapshot.entity("angela-merkel")?.description == "Chancellor")
    }

    @Test func aTornLastJournalLineIsSkipped() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let tags = write(try open())
        let journal = directory + "/journal.ndjson"
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        // Right after the last record, over the zeros laid down for the next ones.
        let records = try Data(contentsOf: URL(fileURLWithPath: journal)).prefix { $0 != 0 }
        try handle.seek(toOffset: UInt64(records.count))
        handle.write(Data(#"{"sum":"0123456789abcdef","record":{"version":99,"chan"#.utf8))
        try handle.close()

        let reopened = try open()
        #expect(reopened.application.readiness.current == .ready)
        for (target, tag) in tags {
            #expect(reopened.get(target)[.eTag] == tag, "\(target)")
        }
        // The journal goes on from the last whole record.
        #expect(reopened.post("/entities", ["name": "Hamburg", "type": "location"]).status == 201)
        let again = try open()
        #expect(again.get("/entities/hamburg").status == 200)
        #expect(again.get("/entities/angela-merkel")[.eTag] == tags["/entities/angela-merkel"])
    }
}
