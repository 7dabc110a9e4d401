import DatelineAPI
import HTTPServer
import Testing

/// The whole responder chain over a real socket, as `dateline serve` builds it: the response
/// cache, CORS, security headers, errors, compression and ETags in front of the routes.
@Suite("The application's stack over sockets", .serialized)
struct ApplicationStackTests {
    static func start() throws -> (HTTPServer, Int) {
        let server = try Application.seededForTesting { $0.accessLog = false }.makeServer()
        return (server, try server.start().port)
    }

    @Test func aCachedAnswerIsCountedUnderItsRoute() throws {
        let (server, port) = try Self.start()
        defer { server.shutdown {} }
        for _ in 0..<3 { #expect(try RawExchange.send(port: port, "GET", "/events").status == 200) }
        let metrics = try RawExchange.send(port: port, "GET", "/metrics").body
        let line = metrics.split(separator: "\n").first {
            $0.hasPrefix("dateline_http_requests_total{") && $0.contains("route=\"/events\"") && $0.contains("method=\"GET\"")
        }
        #expect(line?.hasSuffix(" 3") == true, "\(line ?? "no /events series")")
        #expect(!metrics.contains("route=\"static\""))
    }

    @Test(arguments: ["/nowhere", "/events/no-such-event", "/events?limit=-1"])
    func everyProblemCarriesTheSecurityHeaders(_ path: String) throws {
        let (server, port) = try Self.start()
        defer { server.shutdown {} }
        let answer = try RawExchange.send(port: port, "GET", path)
        #expect(answer.status >= 400)
        #expect(answer.headers["content-type"] == "application/problem+json")
        #expect(answer.headers["x-content-type-options"] == "nosniff")
    }
}
