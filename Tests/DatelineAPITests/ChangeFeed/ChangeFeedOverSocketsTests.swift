import DatelineAPI
import Foundation
import HTTPServer
import Logging
import NewsModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `/changes` over real sockets: live events, resumption with Last-Event-ID, polling as
/// NDJSON, and a clean end at shutdown.
@Suite("Change feed over sockets", .serialized)
struct ChangeFeedOverSocketsTests {
    /// An application on a free port with an empty seed, loaded and ready.
    static func start() throws -> (Application, HTTPServer, Int) {
        var configuration = DatelineConfiguration.testing()
        configuration.server.port = 0
        configuration.seedDirectory = NSTemporaryDirectory() + "dateline-no-seed-\(UUID().uuidString)"
        configuration.changesHeartbeatSeconds = 0.2
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let application = try Application.testing(configuration, logger: logger)
        let loaded = DispatchSemaphore(value: 0)
        application.loadStore { loaded.signal() }
        loaded.wait()
        let server = HTTPServer(configuration: configuration.server, responder: application.makeResponder(), logger: logger)
        let port = try server.start().port
        return (application, server, port)
    }

    static func entity(_ number: Int) -> StoreChange {
        .upsertEntity(Entity(id: "entity-\(number)", name: "Entity \(number)", type: .organization))
    }

    @Test func liveEventsCarryTheVersionAndResumeWithLastEventID() async throws {
        let (application, server, port) = try Self.start()
        let base = application.store.snapshot.version
        let stream = try ProbeConnection(port: port)
        stream.send("GET /changes HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\n\r\n")
        let head = try stream.read(until: "retry: 2000")
        #expect(head.contains("Content-Type: text/event-stream"))
        #expect(head.contains("Transfer-Encoding: chunked"))

        for number in 1...3 { try application.persistence.commit([Self.entity(number)]) }
        let live = try stream.read(until: "id: \(base + 3)\n")
        for version in (base + 1)...(base + 3) { #expect(live.contains("id: \(version)\n")) }
        #expect(live.contains(#""id":"entity-2""#))
        #expect(live.contains(#""op":"created""#))
        let beat = try stream.read(until: ": heartbeat")
        #expect(beat.contains(": heartbeat"))

        for number in 4...5 { try application.persistence.commit([Self.entity(number)]) }
        let resumed = try ProbeConnection(port: port)
        resumed.send("GET /changes HTTP/1.1\r\nHost: t\r\nLast-Event-ID: \(base + 3)\r\n\r\n")
        let missed = try resumed.read(until: "id: \(base + 5)\n")
        #expect(!missed.contains("id: \(base + 3)\n"))
        #expect(missed.contains("id: \(base + 4)\n"))
        #expect(missed.contains(#""id":"entity-5""#))
        await server.shutdown()
    }

    @Test func writesPublishedTogetherAreStillOneEventPerVersion() async throws {
        let (application, server, port) = try Self.start()
        let base = application.store.snapshot.version
        let stream = try ProbeConnection(port: port)
        stream.send("GET /changes HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\n\r\n")
        _ = try stream.read(until: "retry: 2000")
        DispatchQueue.concurrentPerform(iterations: 16) { writer in
            for round in 0..<4 { _ = try? application.persistence.commit([Self.entity(writer * 4 + round)]) }
        }
        let live = try stream.read(until: "id: \(base + 64)\n")
        for version in (base + 1)...(base + 64) {
            #expect(live.components(separatedBy: "id: \(version)\n").count == 2, "version \(version) once")
        }
        #expect(live.components(separatedBy: "event: change").count == 65)
        await server.shutdown()
    }

    @Test func pollingClientsGetNDJSON() async throws {
        let (application, server, port) = try Self.start()
        let base = application.store.snapshot.version
        for number in 1...3 { try application.persistence.commit([Self.entity(number)]) }
        let response = try HTTPProbe.get(port: port, path: "/changes?since=\(base + 1)", headers: "Accept: application/x-ndjson\r\n")
        #expect(response.status == 200)
        let lines = response.body.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""version":\#(base + 2)"#) == true)
        let bad = try HTTPProbe.get(port: port, path: "/changes?since=soon")
        #expect(bad.status == 400)
        await server.shutdown()
    }

    @Test func shutdownEndsOpenStreamsCleanly() throws {
        let (_, server, port) = try Self.start()
        let stream = try ProbeConnection(port: port)
        stream.send("GET /changes HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try stream.read(until: "retry: 2000")
        let stopped = DispatchSemaphore(value: 0)
        server.shutdown { stopped.signal() }
        let rest = try stream.readAll()
        #expect(rest.hasSuffix("0\r\n\r\n"))
        #expect(stopped.wait(timeout: .now() + 5) == .success)
    }
}
