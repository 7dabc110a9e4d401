import Dispatch
import Foundation
import HTTPTypes
import Locking
import NewsModel
import Testing

@testable import DatelineAPI

/// Writers and readers at once: 32 threads creating and patching events of their own, 32
/// reading lists and events, for `DATELINE_WRITE_SOAK_SECONDS` (5 by default). No write that was
/// acknowledged may be lost, and no page a reader saw may contradict itself.
@Suite struct WriteConcurrencyTests {
    static let writers = 32
    static let readers = 32
    static var seconds: Double {
        ProcessInfo.processInfo.environment["DATELINE_WRITE_SOAK_SECONDS"].flatMap(Double.init) ?? 5
    }

    /// What one writer knows of an event it wrote: the summary last acknowledged and its tag.
    struct Written: Sendable {
        var summary: String
        var tag: String
    }

    @Test func noAcknowledgedWriteIsLostAndNoPageContradictsItself() throws {
        let client = WriteClient()
        let acknowledged = Locked<[String: Written]>([:])
        let failures = Locked<[String]>([])
        let operations = Locked(0)
        let deadline = ContinuousClock.now + .seconds(Self.seconds)
        let group = DispatchGroup()

        for writer in 0..<Self.writers {
            group.enter()
            Thread {
                defer { group.leave() }
                var mine: [String] = []
                var count = 0
                while ContinuousClock.now < deadline {
                    count += 1
                    let summary = "writer \(writer) write \(count)"
                    if mine.isEmpty || count % 3 == 0 {
                        let response = client.post(
                            "/events",
                            [
                                "type": "consult", "summary": summary, "status": "occurred",
                                "participants": [["entityId": "hamas", "role": "actor"]],
                            ])
                        guard response.status == 201, let id = response.json["id"] as? String, let tag = response[.eTag] else {
                            failures.withLock { $0.append("POST answered \(response.status): \(response.text)") }
                            return
                        }
                        acknowledged.withLock { $0[id] = Written(summary: summary, tag: tag) }
                        mine.append(id)
                    } else {
                        let id = mine[Int.random(in: 0..<mine.count)]
                        let tag = acknowledged.withLock { $0[id]!.tag }
                        let response = client.patch("/events/\(id)", ["summary": summary], headers: [.ifMatch: tag])
                        guard response.status == 200, let newTag = response[.eTag] else {
                            failures.withLock { $0.append("PATCH \(id) answered \(response.status): \(response.text)") }
                            return
                        }
                        acknowledged.withLock { $0[id] = Written(summary: summary, tag: newTag) }
                    }
                    operations.withLock { $0 += 1 }
                }
            }.start()
        }
        for reader in 0..<Self.readers {
            group.enter()
            Thread {
                defer { group.leave() }
                while ContinuousClock.now < deadline {
                    if let problem = Self.readOnce(client, reader: reader, acknowledged: acknowledged) {
                        failures.withLock { $0.append(problem) }
                        return
                    }
                }
            }.start()
        }
        group.wait()

        #expect(failures.withLock { $0 } == [])
        #expect(operations.withLock { $0 } > Self.writers)
        let written = acknowledged.withLock { $0 }
        let snapshot = client.store.snapshot
        #expect(snapshot.eventCount == Fixtures.events.count + written.count)
        for (id, expected) in written {
            let response = client.get("/events/\(id)")
            #expect(response.json["summary"] as? String == expected.summary, "\(id)")
            #expect(response[.eTag] == expected.tag, "\(id)")
        }
    }

    /// One read: a list page that must agree with itself, or an acknowledged event that must be
    /// there. Returns what was wrong, nil when nothing was.
    static func readOnce(_ client: WriteClient, reader: Int, acknowledged: Locked<[String: Written]>) -> String? {
        if reader % 2 == 0 {
            let limit = [10, 100, 500][reader % 3]
            let target = reader % 4 == 0 ? "/events?limit=\(limit)" : "/entities/hamas/events?limit=\(limit)"
            let response = client.get(target)
            guard response.status == 200, let total = response.json["total"] as? Int else {
                return "GET \(target) answered \(response.status)"
            }
            let ids = response.ids
            let hasNext = response.json["next"] is String
            if Set(ids).count != ids.count { return "GET \(target) repeated ids in one page" }
            if ids.count != min(limit, total) { return "GET \(target) gave \(ids.count) items of a total of \(total)" }
            if hasNext != (total > limit) { return "GET \(target): next is \(hasNext) with a total of \(total)" }
            return nil
        }
        guard let id = acknowledged.withLock({ $0.keys.randomElement() }) else { return nil }
        let response = client.get("/events/\(id)")
        return response.status == 200 ? nil : "GET /events/\(id), acknowledged, answered \(response.status)"
    }
}
