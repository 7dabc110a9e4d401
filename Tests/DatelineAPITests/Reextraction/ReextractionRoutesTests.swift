import DatelineAPI
import Extraction
import Foundation
import HTTPServer
import Logging
import NewsModel
import Testing

/// `POST /admin/reextract` and `GET /admin/reextract/{id}` over real sockets, on the seed made
/// to look as an older extractor left it.
@Suite("Re-extraction over sockets", .serialized)
struct ReextractionRoutesTests {
    static let token = "admin-token"

    static func start() throws -> (Application, HTTPServer, Int) {
        let application = try Application.seededForTesting { $0.apiToken = token }
        try application.persistence.commit(OlderExtraction.changes(in: application.store.snapshot))
        let server = HTTPServer(
            configuration: application.configuration.server, responder: application.makeResponder(),
            logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        return (application, server, try server.start().port)
    }

    @Test func needsTheTokenReportsProgressAndReplaces() async throws {
        let (application, server, port) = try Self.start()
        #expect(OlderExtraction.remains(in: application.store.snapshot))

        let anonymous = try RawExchange.send(port: port, "POST", "/admin/reextract")
        #expect(anonymous.status == 401)
        #expect(anonymous.headers["www-authenticate"]?.hasPrefix("Bearer") == true)
        #expect(anonymous.headers["content-type"] == "application/problem+json")
        #expect(try RawExchange.send(port: port, "POST", "/admin/reextract", token: "wrong").status == 403)

        let started = try RawExchange.send(port: port, "POST", "/admin/reextract", token: Self.token)
        #expect(started.status == 202)
        let location = try #require(started.headers["location"])
        #expect(location.hasPrefix("/admin/reextract/"))
        #expect(try RawExchange.send(port: port, "GET", location).status == 401)

        let finished = try RawExchange.follow(port: port, location, token: Self.token)
        #expect(finished["state"] as? String == "succeeded")
        #expect(finished["extractorVersion"] as? String == Extractor.version)
        #expect(finished["articlesTotal"] as? Int == 1)
        #expect(finished["articlesDone"] as? Int == 1)
        #expect(finished["articlesReextracted"] as? Int == 1)
        #expect((finished["eventsReplaced"] as? Int ?? 0) >= 2)
        #expect((finished["entitiesReplaced"] as? Int ?? 0) >= 2)
        #expect(finished["finishedAt"] is String)
        let document = try RawExchange.send(port: port, "GET", "/openapi.json").json
        #expect(SchemaValidator(document: document).problems(finished, against: ["$ref": "#/components/schemas/Reextraction"]) == [])

        let snapshot = application.store.snapshot
        #expect(!OlderExtraction.remains(in: snapshot))
        #expect(snapshot.event("stale-event") == nil)
        #expect(snapshot.entity("monday-talks") == nil)
        #expect(snapshot.event("editors-note")?.summary == "An editor's note")
        #expect(try RawExchange.send(port: port, "GET", "/events/editors-note").status == 200)

        // Once more: every article is current, so nothing is written.
        let again = try RawExchange.send(port: port, "POST", "/admin/reextract", token: Self.token)
        let second = try RawExchange.follow(port: port, try #require(again.headers["location"]), token: Self.token)
        #expect(second["articlesDone"] as? Int == 1)
        #expect(second["articlesReextracted"] as? Int == 0)
        #expect(application.store.snapshot.version == snapshot.version)

        let missing = try RawExchange.send(port: port, "GET", "/admin/reextract/0000000000000000", token: Self.token)
        #expect(missing.status == 404)
        await server.shutdown()
    }

    @Test func waitsForTheStoreToLoad() {
        let client = WriteClient()
        client.application.readiness.set(.loading)
        let refused = client.send(.post, "/admin/reextract")
        #expect(refused.status == 503)
        #expect(refused[.retryAfter] == "1")
    }
}

/// One request with `Connection: close`, its status, header fields (lower-cased names) and body.
enum RawExchange {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: String
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    static func send(port: Int, _ method: String, _ path: String, token: String? = nil) throws -> Answer {
        let connection = try ProbeConnection(port: port)
        let authorization = token.map { "Authorization: Bearer \($0)\r\n" } ?? ""
        connection.send("\(method) \(path) HTTP/1.1\r\nHost: t\r\n\(authorization)Content-Length: 0\r\nConnection: close\r\n\r\n")
        let text = try connection.readAll()
        let parts = text.components(separatedBy: "\r\n\r\n")
        let lines = parts[0].components(separatedBy: "\r\n")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let status = Int(lines[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        return Answer(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Polls a job until it is no longer running; every answer must be a 200.
    static func follow(port: Int, _ location: String, token: String) throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let answer = try send(port: port, "GET", location, token: token)
            #expect(answer.status == 200)
            let job = answer.json
            if job["state"] as? String != "running" { return job }
            #expect(answer.headers["retry-after"] == "1")
            usleep(50_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }
}
