import DatelineAPI
import Foundation
import HTTPServer
import Logging
import NewsModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The metrics of a real server on a free port, the API routes and `/metrics` behind it.
@Suite struct MetricsLiveTests {
    final class LiveServer: Sendable {
        let server: HTTPServer
        let metrics: MetricsObserver
        let port: Int

        init() throws {
            let store = Fixtures.store()
            metrics = MetricsObserver(store: store)
            var router = APIRoutes(store: store, readiness: Readiness()).makeRouter()
            MetricsRoutes(metrics: metrics).register(in: &router)
            var configuration = HTTPServerConfiguration()
            configuration.port = 0
            configuration.ioEngine = .underTest
            server = HTTPServer(
                configuration: configuration, responder: router,
                logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }, observer: metrics)
            port = try server.start().port
        }

        /// One request on its own connection; the whole response as text.
        func fetch(_ path: String) throws -> String {
            guard let descriptor = Loopback.connect(port: port, receiveTimeout: 5) else {
                throw Failure(what: "connect: errno \(errno)")
            }
            defer { close(descriptor) }
            let request = Array("GET \(path) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n".utf8)
            guard send(descriptor, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else {
                throw Failure(what: "send: errno \(errno)")
            }
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                if count < 0 { throw Failure(what: "recv: errno \(errno)") }
                if count == 0 { break }
                received.append(contentsOf: buffer[0..<count])
            }
            return String(decoding: received, as: UTF8.self)
        }

        /// The `/metrics` body, parsed.
        func scrape() throws -> PrometheusText {
            let response = try fetch("/metrics")
            guard let split = response.range(of: "\r\n\r\n") else { throw Failure(what: "no head end") }
            return PrometheusText(String(response[split.upperBound...]))
        }

        /// Waits until the server has counted `count` requests in all (the observer runs just
        /// after the response is queued, so the client may read it first).
        func waitForRequests(_ count: Double) throws -> PrometheusText {
            for _ in 0..<200 {
                let text = PrometheusText(String(decoding: metrics.exposition(), as: UTF8.self))
                if text.samples(named: MetricsObserver.Name.requests).reduce(0, { $0 + $1.value }) >= count { return text }
                usleep(10_000)
            }
            throw Failure(what: "the server counted fewer than \(count) requests")
        }

        struct Failure: Error { let what: String }

        func stop() async { await server.shutdown() }
    }

    @Test func requestsOverSocketsAreCountedByRouteTemplate() async throws {
        let live = try LiveServer()
        _ = try live.fetch("/events/putin-hosts-abbas-2024-08-13")
        _ = try live.fetch("/events/un-aid-gaza-2024-06")
        _ = try live.fetch("/events/no-such-event")
        _ = try live.fetch("/no/such/path")
        let text = try live.waitForRequests(4)
        let name = MetricsObserver.Name.requests
        #expect(text.value(name, ["method": "GET", "route": "/events/{id}", "status": "200"]) == 2)
        #expect(text.value(name, ["method": "GET", "route": "/events/{id}", "status": "404"]) == 1)
        #expect(text.value(name, ["method": "GET", "route": "unmatched", "status": "404"]) == 1)
        #expect(text.value(MetricsObserver.Name.duration + "_count", ["route": "/events/{id}"]) == 3)
        #expect((text.value(MetricsObserver.Name.bytesOut) ?? 0) > 0)
        await live.stop()
    }

    @Test func scrapesSeeTheirOwnConnectionAndTheStore() async throws {
        let live = try LiveServer()
        let text = try live.scrape()
        #expect(text.malformed.isEmpty)
        #expect(text.value(MetricsObserver.Name.openConnections) == 1)
        #expect(text.value(MetricsObserver.Name.storeArticles) == Double(Fixtures.articles.count))
        _ = try live.waitForRequests(1)
        let after = try live.scrape()
        #expect(after.value(MetricsObserver.Name.requests, ["method": "GET", "route": "/metrics", "status": "200"]) == 1)
        await live.stop()
    }
}
