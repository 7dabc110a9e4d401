import HTTPTypes
import Locking
import Testing

@testable import HTTPServer

@Suite struct CompressionMiddlewareTests {
    typealias F = MiddlewareFixtures

    private func run(
        _ response: Response, acceptEncoding: String? = "gzip, deflate",
        method: HTTPRequest.Method = .get, extra: HTTPFields = [:],
        middleware: CompressionMiddleware = CompressionMiddleware()
    ) throws -> Response {
        var fields = extra
        if let acceptEncoding { fields[.acceptEncoding] = acceptEncoding }
        return try middleware.respond(to: F.request(method, "/items", fields: fields), next: F.responder(response))
    }

    @Test(arguments: [("gzip, deflate", CompressionFormat.gzip), ("deflate", .deflate), ("deflate;q=1, gzip;q=0.9", .deflate)])
    func compressesJSONAndRoundTrips(acceptEncoding: String, format: CompressionFormat) throws {
        let body = F.json(4_000)
        let response = try run(Response(contentType: "application/json", bytes: body), acceptEncoding: acceptEncoding)
        #expect(response.headerFields[.contentEncoding] == format.contentCoding)
        #expect(response.headerFields[.vary] == "Accept-Encoding")
        let compressed = try #require(response.body.bytes)
        #expect(compressed.count < body.count)
        #expect(try Inflater.decompress(compressed, format: format) == body)
    }

    @Test(arguments: [
        "text/html; charset=utf-8", "text/css", "text/csv", "application/problem+json", "application/x-ndjson",
        "application/javascript", "image/svg+xml", "application/xml", "application/vnd.custom+json",
        "Application/JSON; charset=UTF-8",
    ])
    func compressibleTypes(contentType: String) {
        #expect(CompressionMiddleware.isCompressible(contentType))
    }

    @Test(arguments: [
        "image/png", "image/jpeg", "application/zip", "application/gzip", "font/woff2",
        "application/octet-stream", "text/event-stream", "video/mp4",
    ])
    func incompressibleTypes(contentType: String) {
        #expect(!CompressionMiddleware.isCompressible(contentType))
    }

    @Test func smallBodiesStayAsTheyAreButVary() throws {
        let response = try run(Response(contentType: "application/json", bytes: F.json(500)))
        #expect(response.headerFields[.contentEncoding] == nil)
        #expect(response.headerFields[.vary] == "Accept-Encoding")
        #expect(response.body.bytes == F.json(500))
    }

    @Test func theMinimumIsConfigurable() throws {
        let response = try run(
            Response(contentType: "text/plain", bytes: Array(String(repeating: "ab", count: 100).utf8)),
            middleware: CompressionMiddleware(minimumBytes: 100))
        #expect(response.headerFields[.contentEncoding] == "gzip")
    }

    @Test func imagesAreNeitherCompressedNorVaried() throws {
        let response = try run(Response(contentType: "image/png", bytes: [UInt8](repeating: 7, count: 10_000)))
        #expect(response.headerFields[.contentEncoding] == nil)
        #expect(response.headerFields[.vary] == nil)
    }

    @Test(arguments: [nil, "", "identity", "br", "gzip;q=0, deflate;q=0", "*;q=0"] as [String?])
    func clientsThatDoNotAskGetIdentity(acceptEncoding: String?) throws {
        let body = F.json(4_000)
        let response = try run(Response(contentType: "application/json", bytes: body), acceptEncoding: acceptEncoding)
        #expect(response.headerFields[.contentEncoding] == nil)
        #expect(response.body.bytes == body)
        #expect(response.headerFields[.vary] == "Accept-Encoding")
    }

    @Test func anExistingEncodingIsLeftAlone() throws {
        var original = Response(contentType: "application/json", bytes: F.json(4_000))
        original.headerFields[.contentEncoding] = "br"
        let response = try run(original)
        #expect(response.headerFields[.contentEncoding] == "br")
        #expect(response.body.bytes == F.json(4_000))
    }

    @Test(arguments: [HTTPResponse.Status.noContent, .partialContent])
    func statusesWithoutAFullBodyAreLeftAlone(status: HTTPResponse.Status) throws {
        let response = try run(Response(status: status, headerFields: [.contentType: "text/plain"], body: .bytes(F.json(4_000))))
        #expect(response.headerFields[.contentEncoding] == nil)
    }

    @Test func streamsAreLeftAlone() throws {
        let stream = ResponseStream { writer in writer.finish() }
        let response = try run(Response(headerFields: [.contentType: "application/x-ndjson"], body: .stream(stream)))
        #expect(response.headerFields[.contentEncoding] == nil)
        #expect(response.body.bytes == nil)
    }

    @Test func bodiesThatDoNotShrinkAreSentAsTheyAre() throws {
        let noise = F.noise(4_000)
        let response = try run(Response(contentType: "text/plain", bytes: noise))
        #expect(response.headerFields[.contentEncoding] == nil)
        #expect(response.body.bytes == noise)
    }

    @Test func varyIsMergedWithWhatIsThere() throws {
        var original = Response(contentType: "application/json", bytes: F.json(4_000))
        original.headerFields[.vary] = "Origin"
        #expect(try run(original).headerFields[.vary] == "Origin, Accept-Encoding")
        original.headerFields[.vary] = "origin, accept-encoding"
        #expect(try run(original).headerFields[.vary] == "origin, accept-encoding")
        original.headerFields[.vary] = "*"
        #expect(try run(original).headerFields[.vary] == "*")
    }

    @Test func aStrongETagGetsTheCodingAndAWeakOneStays() throws {
        var original = Response(contentType: "application/json", bytes: F.json(4_000))
        original.entityTag = EntityTag("abc")
        #expect(try run(original).headerFields[.eTag] == "\"abc-gzip\"")
        #expect(try run(original, acceptEncoding: "deflate").headerFields[.eTag] == "\"abc-deflate\"")
        #expect(try run(original, acceptEncoding: "identity").headerFields[.eTag] == "\"abc\"")
        original.entityTag = EntityTag("abc", isWeak: true)
        #expect(try run(original).headerFields[.eTag] == "W/\"abc\"")
    }

    @Test func anExplicitContentLengthIsDropped() throws {
        var original = Response(contentType: "application/json", bytes: F.json(4_000))
        original.headerFields[.contentLength] = "4000"
        #expect(try run(original).headerFields[.contentLength] == nil)
    }

    @Test func variantTagsReachInnerRespondersWithoutTheSuffix() throws {
        let seen = Locked<String?>(nil)
        let inner = F.recording(Response(status: .notModified, headerFields: [.eTag: "\"abc\""])) { request in
            seen.withLock { $0 = request.headerFields[.ifNoneMatch] }
        }
        let request = F.request(.get, "/", fields: [.acceptEncoding: "gzip", .ifNoneMatch: "\"zzz\", \"abc-gzip\""])
        let response = try CompressionMiddleware().respond(to: request, next: inner)
        #expect(seen.withLock { $0 } == "\"zzz\", \"abc\"")
        #expect(response.status == .notModified)
        #expect(response.headerFields[.eTag] == "\"abc-gzip\"")
        #expect(response.headerFields[.vary] == "Accept-Encoding")
    }

    @Test func variantTagsOfAnotherCodingAreNotMapped() throws {
        let seen = Locked<String?>(nil)
        let inner = F.recording(Response(contentType: "application/json", bytes: F.json(4_000))) { request in
            seen.withLock { $0 = request.headerFields[.ifNoneMatch] }
        }
        let request = F.request(.get, "/", fields: [.acceptEncoding: "identity", .ifNoneMatch: "\"abc-gzip\""])
        _ = try CompressionMiddleware().respond(to: request, next: inner)
        #expect(seen.withLock { $0 } == "\"abc-gzip\"")
    }
}
