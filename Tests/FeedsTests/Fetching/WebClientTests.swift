import Dispatch
import Feeds
import Foundation
import HTTPServer
import HTTPTypes
import Testing
import WebFixtures

@Suite struct WebClientTests {
    static let largeText = String(repeating: "All the news that fits, and then some more of it. ", count: 400)

    static func makeServer() throws -> FixtureServer {
        try FixtureServer(compressing: true) { router in
            router.get("/hello") { request in
                .text(
                    "hello, \(request.headerFields[.userAgent] ?? "nobody")", status: .init(code: 203),
                    fields: [HTTPField.Name("X-Fixture")!: "yes"])
            }
            router.get("/teapot") { _ in .text("short and stout", status: .init(code: 418)) }
            router.get("/hop/1") { _ in .redirect(to: "/hop/2") }
            router.get("/hop/2") { _ in .redirect(to: "/landed", status: .movedPermanently) }
            router.get("/landed") { _ in .text("you made it") }
            router.get("/loop") { _ in .redirect(to: "/loop") }
            router.post("/echo") { request in .text("got \(request.body.count) bytes of \(request.headerFields[.contentType] ?? "")") }
            router.post("/moved") { _ in .redirect(to: "/echo", status: .movedPermanently) }
            router.get("/slow") { _ in .slow("late", after: 10) }
            router.get("/huge") { _ in Response(contentType: "application/octet-stream", bytes: [UInt8](repeating: 7, count: 2_000_000)) }
            router.get("/huge-stream") { _ in
                Response(
                    status: .ok, headerFields: [.contentType: "application/octet-stream"],
                    body: .stream(
                        ResponseStream { writer in
                            DispatchQueue.global().async {
                                for _ in 0..<64 where writer.write([UInt8](repeating: 1, count: 16_384)) {}
                                writer.finish()
                            }
                        }))
            }
            router.get("/tagged") { request in
                if request.headerFields[.ifNoneMatch] == "\"v7\"" { return Response(status: .notModified, headerFields: [.eTag: "\"v7\""]) }
                return .text("fresh", fields: [.eTag: "\"v7\""])
            }
            router.get("/big-text") { _ in .text(WebClientTests.largeText) }
        }
    }

    @Test func returnsStatusHeadersBodyAndSendsTheUserAgent() async throws {
        let server = try Self.makeServer()
        let client = WebClient(configuration: .init(userAgent: "DatelineTest/2.0 (+https://example.org)"))
        let response = try client.get(server.url("/hello"))
        #expect(response.status == 203)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello, DatelineTest/2.0 (+https://example.org)")
        #expect(response.header("x-fixture") == "yes")
        #expect(response.header("CONTENT-TYPE") == "text/plain; charset=utf-8")
        #expect(response.header("X-Missing") == nil)
        #expect(response.finalURL == server.url("/hello"))
        await server.stop()
    }

    @Test func aUserAgentHeaderOverridesTheConfiguredOne() async throws {
        let server = try Self.makeServer()
        let response = try WebClient().get(server.url("/hello"), headers: [("User-Agent", "Other/1")])
        #expect(String(decoding: response.body, as: UTF8.self) == "hello, Other/1")
        await server.stop()
    }

    @Test func headersWithLineBreaksAreLeftOut() async throws {
        let server = try Self.makeServer()
        _ = try WebClient().get(server.url("/tagged"), headers: [("If-None-Match", "\"v7\"\r\nX-Injected: yes"), ("Accept", "text/plain")])
        let request = try #require(server.requests(to: "/tagged").first)
        #expect(request.headerFields[.ifNoneMatch] == nil)
        #expect(request.headerFields[HTTPField.Name("X-Injected")!] == nil)
        #expect(request.headerFields[.accept] == "text/plain")
        await server.stop()
    }

    @Test func errorStatusesAreResponsesNotErrors() async throws {
        let server = try Self.makeServer()
        let response = try WebClient().get(server.url("/teapot"))
        #expect(response.status == 418)
        #expect(!response.isSuccess)
        #expect(try WebClient().get(server.url("/nowhere")).status == 404)
        await server.stop()
    }

    @Test func followsRedirectsAndReportsWhereItLanded() async throws {
        let server = try Self.makeServer()
        let response = try WebClient().get(server.url("/hop/1"))
        #expect(response.status == 200)
        #expect(response.finalURL == server.url("/landed"))
        #expect(String(decoding: response.body, as: UTF8.self) == "you made it")
        #expect(response.header("Location") == nil)
        await server.stop()
    }

    @Test func stopsAfterTooManyRedirects() async throws {
        let server = try Self.makeServer()
        let client = WebClient(configuration: .init(maxRedirects: 3))
        let error = #expect(throws: WebFetchError.self) { try client.get(server.url("/loop")) }
        #expect(error?.kind == .tooManyRedirects)
        #expect(server.requests(to: "/loop").count == 4)
        let shortChain = #expect(throws: WebFetchError.self) {
            try WebClient(configuration: .init(maxRedirects: 1)).get(server.url("/hop/1"))
        }
        #expect(shortChain?.kind == .tooManyRedirects)
        await server.stop()
    }

    @Test func timesOut() async throws {
        let server = try Self.makeServer()
        let client = WebClient(configuration: .init(timeout: .milliseconds(300)))
        let started = ContinuousClock.now
        let error = #expect(throws: WebFetchError.self) { try client.get(server.url("/slow")) }
        #expect(error?.kind == .timeout)
        #expect(ContinuousClock.now - started < .seconds(5), "well before the body, due after 10 s")
        await server.stop()
    }

    @Test(arguments: ["/huge", "/huge-stream"])
    func refusesBodiesPastTheLimit(path: String) async throws {
        let server = try Self.makeServer()
        let client = WebClient(configuration: .init(maxBodyBytes: 64 * 1024))
        let error = #expect(throws: WebFetchError.self) { try client.get(server.url(path)) }
        #expect(error?.kind == .tooLarge)
        // The same body within a larger per-request limit arrives whole.
        let whole = try client.get(server.url(path), maxBodyBytes: 4_000_000)
        #expect(whole.body.count == (path == "/huge" ? 2_000_000 : 64 * 16_384))
        await server.stop()
    }

    @Test func conditionalRequestGetsNotModified() async throws {
        let server = try Self.makeServer()
        let client = WebClient()
        let first = try client.get(server.url("/tagged"))
        #expect(first.status == 200)
        let tag = try #require(first.header("ETag"))
        let second = try client.get(server.url("/tagged"), headers: [("If-None-Match", tag)])
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(server.requests(to: "/tagged").last?.headerFields[.ifNoneMatch] == "\"v7\"")
        await server.stop()
    }

    @Test func decodesCompressedBodies() async throws {
        let server = try Self.makeServer()
        let response = try WebClient().get(server.url("/big-text"))
        #expect(response.header("Content-Encoding") == "gzip")
        #expect(String(decoding: response.body, as: UTF8.self) == Self.largeText)
        let offered = server.requests(to: "/big-text").first?.headerFields[.acceptEncoding] ?? ""
        #expect(offered.contains("gzip") && offered.contains("deflate"))
        await server.stop()
    }

    @Test func connectionFailuresAndForbiddenProtocolsAreErrors() throws {
        let refused = #expect(throws: WebFetchError.self) { try WebClient().get("http://127.0.0.1:1/") }
        #expect(refused?.kind == .connection)
        let file = #expect(throws: WebFetchError.self) { try WebClient().get("file:///etc/hostname") }
        #expect(file?.kind == .other)
    }

    @Test(arguments: [
        "http://127.0.0.1:%d/hello", "http://localhost:%d/hello", "http://[::1]:%d/hello", "http://0.0.0.0:%d/hello",
        "http://10.1.2.3:%d/", "http://172.20.0.1:%d/", "http://192.168.1.1:%d/", "http://169.254.169.254:%d/latest/meta-data",
        "http://100.64.0.1:%d/", "http://[fd00::1]:%d/", "http://[fe80::1]:%d/", "http://[::ffff:127.0.0.1]:%d/hello",
    ])
    func internalAddressesAreRefusedWhenAsked(template: String) async throws {
        let server = try Self.makeServer()
        let url = template.replacingOccurrences(of: "%d", with: String(server.port))
        let client = WebClient(configuration: .init(connectTimeout: .seconds(1), blocksInternalAddresses: true))
        let error = #expect(throws: WebFetchError.self) { try client.get(url) }
        #expect(error?.kind == .forbiddenAddress)
        #expect(server.paths.isEmpty)
        await server.stop()
    }

    @Test func namesAreJudgedByTheAddressTheyResolveTo() async throws {
        let server = try Self.makeServer()
        let client = WebClient(configuration: .init(blocksInternalAddresses: true))
        let error = #expect(throws: WebFetchError.self) { try client.get(server.url("/hop/1", host: "localhost")) }
        #expect(error?.kind == .forbiddenAddress)
        #expect(try WebClient().get(server.url("/hop/1", host: "localhost")).status == 200)
        await server.stop()
    }

    /// Documentation ranges (RFC 5737, RFC 3849): public as far as the check goes. Whether
    /// the network then answers (some sandboxes intercept everything) or not, the client must
    /// have tried.
    @Test(arguments: ["http://192.0.2.1:9/", "http://198.51.100.7:9/", "http://203.0.113.9:9/", "http://[2001:db8::1]:9/"])
    func publicAddressesAreNotRefused(url: String) {
        let client = WebClient(
            configuration: .init(connectTimeout: .milliseconds(300), timeout: .seconds(1), blocksInternalAddresses: true))
        do {
            _ = try client.get(url)
        } catch let error as WebFetchError {
            #expect(error.kind != .forbiddenAddress)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func cancellationStopsATransfer() async throws {
        let server = try Self.makeServer()
        let cancellation = WebCancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { cancellation.cancel() }
        let started = ContinuousClock.now
        let error = #expect(throws: WebFetchError.self) { try WebClient().get(server.url("/slow"), cancellation: cancellation) }
        #expect(error?.kind == .cancelled)
        #expect(ContinuousClock.now - started < .seconds(5), "well before the body, due after 10 s")
        await server.stop()
    }

    @Test func postsABodyAndFollowsNoRedirect() async throws {
        let server = try Self.makeServer()
        let client = WebClient()
        let posted = try client.post(server.url("/echo"), body: Array("{}\n{}\n".utf8), headers: [("Content-Type", "application/x-ndjson")])
        #expect(posted.status == 200)
        #expect(String(decoding: posted.body, as: UTF8.self) == "got 6 bytes of application/x-ndjson")
        let empty = try client.post(server.url("/echo"), body: [])
        #expect(String(decoding: empty.body, as: UTF8.self).hasPrefix("got 0 bytes"))
        // Followed, the POST would come back as a GET without its body: the redirect is the answer.
        let moved = try client.post(server.url("/moved"), body: Array("{}".utf8))
        #expect(moved.status == 301)
        await server.stop()
    }
}
