import Foundation
import HTTPTypes
import Testing

@testable import DatelineAPI

/// `POST /articles` with an NDJSON body: one article a line, answered line by line.
@Suite struct ArticleBatchTests {
    let client = WriteClient()

    static func line(_ title: String, url: String, body: String = "Vladimir Putin met Mahmoud Abbas in Moscow on Tuesday.") -> String {
        let object: [String: Any] = [
            "title": title, "body": body, "publishedAt": "2024-09-10", "source": ["name": "Test Wire", "url": url],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    func post(_ lines: [String]) -> TestResponse {
        client.send(.post, "/articles", body: Array(lines.joined(separator: "\n").utf8), contentType: "application/x-ndjson")
    }

    @Test func eachLineIsIngestedOnItsOwnAndAnswered() throws {
        let response = post([
            Self.line("Batch one", url: "https://example.org/one"),
            "",
            "{not json",
            Self.line("Batch two", url: "https://example.org/two", body: "Mahmoud Abbas flew to Ankara on Wednesday."),
            Self.line("Batch one again", url: "https://example.org/one?utm_source=x"),
            #"{"title": "No body", "publishedAt": "2024-09-10", "source": {"name": "Test Wire"}}"#,
        ])
        #expect(response.status == 200)
        #expect(response[.contentType]?.hasPrefix("application/json") == true)
        #expect(response.json["created"] as? Int == 2)
        #expect(response.json["duplicates"] as? Int == 1)
        #expect(response.json["failed"] as? Int == 2)
        let results = try #require(response.json["results"] as? [[String: Any]])
        #expect(results.map { $0["line"] as? Int } == [1, 3, 4, 5, 6])
        #expect(results.map { $0["status"] as? Int } == [201, 400, 201, 200, 422])
        #expect(results[0]["article"] as? String == "batch-one")
        #expect(results[0]["location"] as? String == "/articles/batch-one")
        let problem = try #require(results[4]["problem"] as? [String: Any])
        #expect(problem["status"] as? Int == 422)
        #expect((problem["errors"] as? [[String: Any]])?.contains { $0["field"] as? String == "body" } == true)
        #expect(client.store.snapshot.article("batch-two") != nil)
    }

    @Test func aBatchSentAgainCreatesNothing() throws {
        let lines = (1...3).map {
            Self.line("Again \($0)", url: "https://example.org/again/\($0)", body: "Abbas met Putin in Sochi \($0) times.")
        }
        #expect(post(lines).json["created"] as? Int == 3)
        let version = client.store.snapshot.version
        let again = post(lines)
        #expect(again.json["created"] as? Int == 0)
        #expect(again.json["duplicates"] as? Int == 3)
        let results = try #require(again.json["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["status"] as? Int == 200 && $0["duplicate"] as? Bool == true })
        #expect(client.store.snapshot.version == version)
    }

    @Test func aBatchWithNoArticleIsRefusedWholeLineByLine() throws {
        let version = client.store.snapshot.version
        let response = post(["-378213", "", #"{"title": "No body"}"#])
        #expect(response.status == 422)
        #expect(response[.contentType] == "application/problem+json")
        let results = try #require(response.json["results"] as? [[String: Any]])
        #expect(results.map { $0["line"] as? Int } == [1, 3])
        #expect(results.map { $0["status"] as? Int } == [422, 422])
        #expect(client.store.snapshot.version == version)
    }

    @Test func anEmptyOrOversizedBatchIsRefusedWhole() {
        #expect(post(["", "  "]).status == 400)
        let small = WriteClient(bodyLimit: 64)
        let big = small.send(
            .post, "/articles", body: Array(Self.line("Big", url: "https://example.org/big").utf8), contentType: "application/x-ndjson")
        #expect(big.status == 413)
    }

    @Test func batchesNeedTheToken() {
        let response = client.send(
            .post, "/articles", body: Array(Self.line("Anonymous", url: "https://example.org/anon").utf8),
            contentType: "application/x-ndjson", authorization: "")
        #expect(response.status == 401)
    }
}
