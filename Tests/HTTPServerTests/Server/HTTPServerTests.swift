import Foundation
import HTTPServer
import Testing

/// The server over real sockets: framing, persistence, refusals, timeouts and shutdown.
@Suite("HTTP server over sockets", .serialized)
struct HTTPServerTests {
    @Test func keepAliveServesManyRequestsOnOneConnection() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        for index in 0..<5 {
            client.send("GET /n/\(index) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.text.hasPrefix("GET /n/\(index) "))
            #expect(response.header("Connection") == nil)
            #expect(response.header("Date")?.hasSuffix("GMT") == true)
            #expect(response.header("X-Request-ID") != nil)
        }
        await server.stop()
    }

    /// The server writes `Date`, `Server` and `X-Request-ID` itself, once each: a handler's own
    /// copies are dropped, and the client's request id comes back.
    @Test func theServerWritesItsOwnFieldsOnce() async throws {
        let server = try TestServer(
            ClosureResponder { _ in
                Response(headerFields: [.requestID: "from-the-handler", .server: "another", .date: "yesterday"])
            })
        let client = try server.client()
        client.send("GET /a HTTP/1.1\r\nHost: t\r\nX-Request-ID: abc-123\r\n\r\n")
        let response = try client.readResponse()
        func values(_ name: String) -> [String] { response.headers.filter { $0.0.lowercased() == name }.map(\.1) }
        #expect(values("x-request-id") == ["abc-123"])
        #expect(values("server").count == 1 && values("server") != ["another"])
        #expect(values("date").count == 1 && values("date") != ["yesterday"])
        await server.stop()
    }

    @Test func http10ClosesUnlessKeepAlive() async throws {
        let server = try TestServer(EchoResponder())
        let plain = try server.client()
        plain.send("GET /a HTTP/1.0\r\n\r\n")
        #expect(try plain.readResponse().header("Connection") == "close")
        #expect(plain.isClosedByPeer())

        let kept = try server.client()
        kept.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try kept.readResponse().header("Connection") == "keep-alive")
        kept.send("GET /b HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
        #expect(try kept.readResponse().text.hasPrefix("GET /b"))
        await server.stop()
    }

    @Test func connectionCloseIsHonouredAsATokenList() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send("GET /a HTTP/1.1\r\nHost: t\r\nConnection: upgrade, Close\r\n\r\n")
        #expect(try client.readResponse().header("Connection") == "close")
        #expect(client.isClosedByPeer())
        await server.stop()
    }

    @Test func threePipelinedRequestsInOneWriteAnswerInOrder() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send(
            "GET /1 HTTP/1.1\r\nHost: t\r\n\r\nPOST /2 HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabcGET /3 HTTP/1.1\r\nHost: t\r\n\r\n"
        )
        let answers = try (0..<3).map { _ in try client.readResponse().text }
        #expect(answers[0].hasPrefix("GET /1 "))
        #expect(answers[1].hasPrefix("POST /2  3\nabc"))
        #expect(answers[2].hasPrefix("GET /3 "))
        await server.stop()
    }

    @Test func chunkedUploadIsDecoded() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send(
            "POST /up HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n6;ext=1\r\npedia \r\n0\r\nX-Trailer: yes\r\n\r\n"
        )
        #expect(try client.readResponse().text == "POST /up  10\nWikipedia ")
        await server.stop()
    }

    @Test func expectContinueGetsAnInterimResponse() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send("POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readResponse().status == 100)
        client.send("hello")
        #expect(try client.readResponse().text == "POST /up  5\nhello")
        await server.stop()
    }

    @Test func headHasTheHeadersOfGetAndNoBody() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send("HEAD /fixed HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(head: true)
        client.send("GET /fixed HTTP/1.1\r\nHost: t\r\n\r\n")
        let get = try client.readResponse()
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(get.text == EchoResponder.fixed)
        #expect(head.header("Content-Length") == String(get.body.count))
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        await server.stop()
    }

    static let refusals: [(String, String, Int)] = [
        ("both framings", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("unknown coding", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("conflicting lengths", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400),
        ("malformed length", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: -3\r\n\r\n", 400),
        ("bad chunk size", "POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("space before colon", "GET / HTTP/1.1\r\nHost : t\r\n\r\n", 400),
        ("obs-fold", "GET / HTTP/1.1\r\nHost: t\r\nX-A: b\r\n  c\r\n\r\n", 400),
        ("bare CR", "GET / HTTP/1.1\r\nHost: t\rX: y\r\n\r\n", 400),
        ("missing Host", "GET / HTTP/1.1\r\n\r\n", 400),
        ("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("long request line", "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414),
        ("large header", "GET / HTTP/1.1\r\nHost: t\r\nX: " + String(repeating: "b", count: 17000) + "\r\n\r\n", 431),
        ("many fields", "GET / HTTP/1.1\r\nHost: t\r\n" + String(repeating: "X-F: 1\r\n", count: 101) + "\r\n", 431),
        ("large body", "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("unknown method", "BREW / HTTP/1.1\r\nHost: t\r\n\r\n", 501),
        ("HTTP/2.0", "GET / HTTP/2.0\r\nHost: t\r\n\r\n", 505),
    ]

    @Test(arguments: refusals)
    func refusalsAnswerProblemJSONAndClose(name: String, request: String, status: Int) async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send(request)
        let response = try client.readResponse()
        #expect(response.status == status, "\(name)")
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.json["status"] as? Int == status)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByPeer())
        await server.stop()
    }

    @Test func higherMinorVersionIsServedAsHTTP11() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send("GET /v HTTP/1.7\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        await server.stop()
    }

    @Test func aThrowingHandlerGives500AndTheServerLivesOn() async throws {
        let server = try TestServer(EchoResponder())
        let client = try server.client()
        client.send("GET /fail HTTP/1.1\r\nHost: t\r\n\r\n")
        let failed = try client.readResponse()
        #expect(failed.status == 500)
        #expect(failed.header("Content-Type") == "application/problem+json")
        client.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        await server.stop()
    }

    @Test func slowHeadersAreCutByTheHeaderTimeout() async throws {
        let server = try TestServer(EchoResponder()) { $0.timeouts.headerRead = 0.5 }
        let client = try server.client()
        let started = ContinuousClock.now
        client.send("GET / HTTP/1.1\r\n")
        for _ in 0..<3 {
            usleep(200_000)
            client.send("X-Drip: 1\r\n")
        }
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(client.isClosedByPeer())
        #expect(ContinuousClock.now - started < .seconds(3))
        await server.stop()
    }

    @Test func aBodyThatStopsIsCutByTheBodyTimeout() async throws {
        let server = try TestServer(EchoResponder()) { $0.timeouts.bodyProgress = 0.5 }
        let client = try server.client()
        let started = ContinuousClock.now
        client.send("POST /up HTTP/1.1\r\nHost: t\r\nContent-Length: 8192\r\n\r\nabc")
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(ContinuousClock.now - started < .seconds(3))
        await server.stop()
    }

    @Test func idleConnectionsAreReapedByTheTimer() async throws {
        let server = try TestServer(EchoResponder()) { $0.timeouts.idle = 0.3 }
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try client.readResponse()
        let started = ContinuousClock.now
        #expect(client.isClosedByPeer())
        #expect(ContinuousClock.now - started < .seconds(2))
        await server.stop()
    }

    @Test func aClientThatDoesNotReadIsResetByTheWriteStallTimeout() async throws {
        let size = 16 << 20
        let server = try TestServer(FixedResponder(bytes: [UInt8](repeating: 65, count: size))) {
            $0.timeouts.writeStall = 0.5
        }
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        usleep(1_500_000)  // The response blocks, the deadline passes, the server gives up.
        var received = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        var count = 0
        repeat {
            count = recv(client.descriptor, &chunk, chunk.count, 0)
            if count > 0 { received += count }
        } while count > 0
        // Reset, not closed: what the kernel still held is dropped instead of trickling out.
        #expect(count < 0 && errno == ECONNRESET)
        #expect(received < size)
        await server.stop()
    }

    @Test func connectionsOverTheCapGet503() async throws {
        let server = try TestServer(EchoResponder()) { $0.maxConnections = 2 }
        let first = try server.client()
        let second = try server.client()
        first.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try first.readResponse()
        second.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try second.readResponse()
        let third = try server.client()
        let refused = try third.readResponse()
        #expect(refused.status == 503)
        #expect(third.isClosedByPeer())
        await server.stop()
    }

    @Test func shutdownFinishesInFlightResponsesWithConnectionClose() async throws {
        let server = try TestServer(EchoResponder())
        let busy = try server.client()
        let idle = try server.client()
        idle.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try idle.readResponse()
        busy.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        usleep(50_000)
        let stopped = DispatchSemaphore(value: 0)
        server.server.shutdown { stopped.signal() }
        let response = try busy.readResponse()
        #expect(response.status == 200)
        #expect(response.header("Connection") == "close")
        #expect(busy.isClosedByPeer())
        #expect(idle.isClosedByPeer())
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        #expect(throws: (any Error).self) { try RawClient(port: server.port) }
    }

    @Test func streamedBodiesAreChunked() async throws {
        let responder = ClosureResponder { _ in
            Response(
                headerFields: [.contentType: "text/plain"],
                body: .stream(
                    ResponseStream { writer in
                        DispatchQueue.global().async {
                            for part in ["one ", "two ", "three"] { writer.write(Array(part.utf8)) }
                            writer.finish()
                        }
                    }))
        }
        let server = try TestServer(responder)
        let client = try server.client()
        client.send("GET /s HTTP/1.1\r\nHost: t\r\n\r\nGET /t HTTP/1.1\r\nHost: t\r\n\r\n")
        let first = try client.readResponse()
        #expect(first.header("Transfer-Encoding") == "chunked")
        #expect(first.text == "one two three")
        #expect(try client.readResponse().text == "one two three")
        await server.stop()
    }
}

/// Handlers of writes run off the event loops: a write that waits never holds up reads.
@Suite("HTTP server and slow handlers")
struct HTTPServerSlowHandlerTests {
    @Test func aWriteThatWaitsHoldsUpNoRead() async throws {
        let release = DispatchSemaphore(value: 0)
        let responder = ClosureResponder { request in
            if request.method == .post { release.wait() }
            return Response(contentType: "text/plain", bytes: Array("\(request.method.rawValue) done\n".utf8))
        }
        let server = try TestServer(responder)
        let writer = try server.client()
        writer.send("POST /w HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nx")
        // More readers than there are loops, so one shares the writer's loop whichever it is.
        let readers = try (0..<8).map { _ in try server.client() }
        for reader in readers {
            reader.send("GET /r HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try reader.readResponse().text == "GET done\n")
        }
        release.signal()
        #expect(try writer.readResponse().text == "POST done\n")
        // The connection goes on after the handler's answer.
        writer.send("GET /again HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try writer.readResponse().text == "GET done\n")
        await server.stop()
    }
}

/// Many clients at once: the server keeps every connection and answers every request.
@Suite("HTTP server under concurrency")
struct HTTPServerConcurrencyTests {
    @Test func thousandConnectionsTenRequestsEach() async throws {
        let server = try TestServer(EchoResponder())
        let outcome = LoadClient.run(port: server.port, connections: 1000, requests: 10, path: "/fixed")
        #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(5))")
        #expect(outcome.completed == 10_000)
        await server.stop()
    }

    @Test func oneEventLoopServesEveryConnection() async throws {
        let server = try TestServer(EchoResponder()) { $0.eventLoops = 1 }
        let outcome = LoadClient.run(port: server.port, connections: 200, requests: 10, path: "/fixed")
        #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(5))")
        #expect(outcome.completed == 2_000)
        await server.stop()
    }
}
