import Foundation
import Testing

@testable import HTTPServer

/// The middleware chain as a client meets it, over real sockets: CORS, gzip, 304, static files.
@Suite("Middleware over sockets", .serialized)
final class MiddlewareOverSocketsTests {
    let root: String
    let outside: String
    let server: TestServer
    static let payload = "{\"items\":[" + (0..<200).map { "{\"n\":\($0),\"name\":\"item \($0)\"}" }.joined(separator: ",") + "]}"

    init() throws {
        let base = NSTemporaryDirectory() + "dateline-mw-\(UUID().uuidString)"
        root = base + "/public"
        outside = base + "/secret.txt"
        try FileManager.default.createDirectory(atPath: root + "/css", withIntermediateDirectories: true)
        try "<!doctype html><title>t</title>".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
        try "body{color:red}".write(toFile: root + "/css/site.css", atomically: true, encoding: .utf8)
        try "do not serve".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/leak.txt", withDestinationPath: outside)

        var router = Router(fallback: StaticFiles(root: root))
        router.get("/data") { _ in Response(contentType: "application/json", bytes: Array(Self.payload.utf8)) }
        let responder = router.wrapped(in: [
            CORSMiddleware(allowedOrigins: ["http://allowed.example"]),
            CompressionMiddleware(minimumBytes: 1024),
            ETagMiddleware(),
        ])
        server = try TestServer(responder)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    @Test func corsPreflightFromAnAllowedOrigin() async throws {
        let client = try server.client()
        client.send(
            "OPTIONS /data HTTP/1.1\r\nHost: t\r\nOrigin: http://allowed.example\r\nAccess-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: if-none-match\r\n\r\n"
        )
        let response = try client.readResponse()
        #expect(response.status == 204)
        #expect(response.header("Access-Control-Allow-Origin") == "http://allowed.example")
        #expect(response.header("Access-Control-Allow-Methods")?.contains("GET") == true)
        #expect(response.header("Access-Control-Allow-Headers")?.lowercased().contains("if-none-match") == true)

        client.send("GET /data HTTP/1.1\r\nHost: t\r\nOrigin: http://allowed.example\r\n\r\n")
        let get = try client.readResponse()
        #expect(get.header("Access-Control-Allow-Origin") == "http://allowed.example")
        #expect(get.header("Access-Control-Expose-Headers")?.contains("ETag") == true)
        await server.stop()
    }

    @Test func corsGivesNothingToOtherOrigins() async throws {
        let client = try server.client()
        client.send("GET /data HTTP/1.1\r\nHost: t\r\nOrigin: http://evil.example\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Access-Control-Allow-Origin") == nil)
        await server.stop()
    }

    @Test func gzipRoundTrip() async throws {
        let client = try server.client()
        client.send("GET /data HTTP/1.1\r\nHost: t\r\nAccept-Encoding: br;q=1, gzip;q=0.8, deflate;q=0.5\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Content-Encoding") == "gzip")
        #expect(response.header("Vary")?.contains("Accept-Encoding") == true)
        #expect(response.body.count < Self.payload.utf8.count)
        let inflated = try Inflater.decompress(response.body, format: .gzip)
        #expect(inflated == Array(Self.payload.utf8))

        client.send("GET /data HTTP/1.1\r\nHost: t\r\nAccept-Encoding: gzip;q=0, deflate\r\n\r\n")
        let deflated = try client.readResponse()
        #expect(deflated.header("Content-Encoding") == "deflate")
        #expect(try Inflater.decompress(deflated.body, format: .deflate) == Array(Self.payload.utf8))
        await server.stop()
    }

    @Test func ifNoneMatchGives304() async throws {
        let client = try server.client()
        client.send("GET /data HTTP/1.1\r\nHost: t\r\n\r\n")
        let first = try client.readResponse()
        let tag = try #require(first.header("ETag"))
        #expect(tag.hasPrefix("\""))
        client.send("GET /data HTTP/1.1\r\nHost: t\r\nIf-None-Match: \"other\", \(tag)\r\n\r\n")
        let second = try client.readResponse()
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(second.header("ETag") == tag)
        await server.stop()
    }

    @Test func staticFilesHaveTypesAndValidators() async throws {
        let client = try server.client()
        client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        let index = try client.readResponse()
        #expect(index.status == 200)
        #expect(index.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(index.header("Last-Modified")?.hasSuffix("GMT") == true)
        client.send("GET /css/site.css HTTP/1.1\r\nHost: t\r\nIf-None-Match: \(index.header("ETag") ?? "")\r\n\r\n")
        let css = try client.readResponse()
        #expect(css.status == 200)
        #expect(css.header("Content-Type")?.hasPrefix("text/css") == true)
        await server.stop()
    }

    @Test(arguments: [
        "/../secret.txt", "/%2e%2e/secret.txt", "/css/%2E%2E/%2e%2e/secret.txt", "/css%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt", "/index.html%00.txt", "/leak.txt", "/css/../../secret.txt",
    ])
    func traversalAttemptsFind404(target: String) async throws {
        let client = try server.client()
        client.send("GET \(target) HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 404, "\(target) gave \(response.status)")
        #expect(!response.text.contains("do not serve"))
        await server.stop()
    }
}
