import Foundation
import Locking
import Testing

@testable import ArticleImport

/// A server for the importer to talk to, in-process: it answers a batch line by line as
/// `POST /articles` does (201 for a new title, 200 for one seen before, 400 for a line that is
/// not a JSON object), and 503 to the first `unavailableFor` batches.
private final class LineServer: ImportTransport {
    let state = Locked((titles: Set<String>(), batches: 0, refused: 0))
    let unavailableFor: Int

    init(unavailableFor: Int = 0) {
        self.unavailableFor = unavailableFor
    }

    func postBatch(_ body: [UInt8]) throws -> (status: Int, body: [UInt8]) {
        try state.withLock { state in
            state.batches += 1
            if state.refused < unavailableFor {
                state.refused += 1
                return (503, Array(#"{"title":"Service Unavailable","status":503,"detail":"down"}"#.utf8))
            }
            var results: [[String: Any]] = []
            for (index, line) in body.split(separator: UInt8(ascii: "\n")).enumerated() {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let title = object["title"] as? String
                else {
                    results.append([
                        "line": index + 1, "status": 400, "problem": ["title": "Bad Request", "detail": "Line \(index + 1) is not JSON."],
                    ])
                    continue
                }
                let isNew = state.titles.insert(title).inserted
                results.append(["line": index + 1, "status": isNew ? 201 : 200])
            }
            return (200, Array(try JSONSerialization.data(withJSONObject: ["results": results])))
        }
    }
}

@Suite struct ImporterTests {
    static func items(_ count: Int, broken: Set<Int> = []) -> [ImportItem] {
        (1...count).map { index in
            ImportItem(origin: "file:\(index)", line: Array((broken.contains(index) ? "{oops" : #"{"title":"T\#(index)"}"#).utf8))
        }
    }

    @Test func everyLineIsTalliedAndFailuresKeepTheirOrigin() {
        var options = Importer.Options()
        options.batchSize = 7
        options.parallel = 3
        let server = LineServer()
        let tally = Importer(transport: server, options: options).run(Self.items(50, broken: [3, 41]))
        #expect(tally.created == 48)
        #expect(tally.failures.map(\.origin).sorted() == ["file:3", "file:41"])
        // Item 3 is the third line of the first batch; batches finish in any order.
        #expect(tally.failures.first { $0.origin == "file:3" }?.message == "400 Bad Request: Line 3 is not JSON.")
        #expect(server.state.withLock { $0.batches } == 8)
        let again = Importer(transport: server, options: options).run(Self.items(50))
        // Run again: only the lines that failed before are new.
        #expect(again.created == 2 && again.duplicates == 48 && again.failures.isEmpty)
    }

    @Test func anUnavailableServerIsTriedAgain() {
        var options = Importer.Options()
        options.retryPause = 0.01
        let server = LineServer(unavailableFor: 2)
        let tally = Importer(transport: server, options: options).run(Self.items(5))
        #expect(tally.created == 5)
        options.retries = 1
        let stubborn = LineServer(unavailableFor: 10)
        let failed = Importer(transport: stubborn, options: options).run(Self.items(3))
        #expect(failed.failures.count == 3)
        #expect(failed.failures.first?.message == "503 Service Unavailable: down")
        #expect(stubborn.state.withLock { $0.batches } == 2)
    }

    @Test func batchesKeepToTheirSizeAndBytes() {
        let items = Self.items(10)
        #expect(Importer.batches(items, size: 4, bytes: 1_000).map(\.count) == [4, 4, 2])
        #expect(Importer.batches(items, size: 100, bytes: 30).map(\.count) == [2, 2, 2, 2, 1, 1])
        #expect(Importer.batches(items, size: 100, bytes: 1).map(\.count) == Array(repeating: 1, count: 10))
    }

    @Test func unreadableItemsFailWithoutBeingSent() {
        let server = LineServer()
        let tally = Importer(transport: server).run([ImportItem(origin: "gone.json", problem: "no such file or folder")])
        #expect(tally.failures == [.init(origin: "gone.json", message: "no such file or folder")])
        #expect(server.state.withLock { $0.batches } == 0)
    }
}
