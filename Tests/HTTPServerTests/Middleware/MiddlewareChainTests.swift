import HTTPTypes
import Testing

@testable import HTTPServer

/// The middleware installed in the documented order: CORS, compression, ETag, then the handler.
@Suite struct MiddlewareChainTests {
    typealias F = MiddlewareFixtures

    private let body = F.json(8_000)
    private var identityTag: String { ContentHash.entityTag(for: body).description }
    private func variantTag(_ coding: String) -> String { String(identityTag.dropLast()) + "-\(coding)\"" }

    private func app() -> any Responder {
        let body = body
        let handler = ClosureResponder { _ in Response(contentType: "application/json", bytes: body) }
        return handler.wrapped(in: [
            CORSMiddleware(allowedOrigins: ["http://localhost:3000"]),
            CompressionMiddleware(),
            ETagMiddleware(),
        ])
    }

    @Test func aCompressedResponseRevalidatesToA304() throws {
        let first = try app().respond(
            to: F.request(
                .get, "/articles",
                fields: [
                    .acceptEncoding: "gzip, deflate, br", .origin: "http://localhost:3000",
                ]))
        #expect(first.status == .ok)
        #expect(first.headerFields[.contentEncoding] == "gzip")
        let etag = try #require(first.headerFields[.eTag])
        #expect(etag == variantTag("gzip"))
        #expect(first.headerFields[.vary] == "Accept-Encoding, Origin")
        #expect(first.headerFields[.accessControlAllowOrigin] == "http://localhost:3000")
        #expect(try Inflater.decompress(#require(first.body.bytes), format: .gzip) == body)

        let second = try app().respond(
            to: F.request(
                .get, "/articles",
                fields: [
                    .acceptEncoding: "gzip, deflate, br", .ifNoneMatch: etag, .origin: "http://localhost:3000",
                ]))
        #expect(second.status == .notModified)
        #expect(second.headerFields[.eTag] == etag)
        #expect(second.headerFields[.vary] == "Accept-Encoding, Origin")
        #expect(second.headerFields[.accessControlAllowOrigin] == "http://localhost:3000")
        #expect(second.body.bytes == [])
    }

    @Test func theIdentityVariantRevalidatesOnItsOwnTag() throws {
        let plain = try app().respond(to: F.request(.get, "/articles"))
        #expect(plain.headerFields[.contentEncoding] == nil)
        #expect(plain.headerFields[.eTag] == identityTag)

        let again = try app().respond(to: F.request(.get, "/articles", fields: [.ifNoneMatch: identityTag]))
        #expect(again.status == .notModified)
        #expect(again.headerFields[.eTag] == identityTag)
    }

    @Test func aGzipTagDoesNotValidateAnIdentityAnswer() throws {
        let gzipTag = variantTag("gzip")
        let response = try app().respond(
            to: F.request(
                .get, "/articles",
                fields: [
                    .acceptEncoding: "identity", .ifNoneMatch: gzipTag,
                ]))
        #expect(response.status == .ok)
        #expect(response.headerFields[.eTag] == identityTag)
        #expect(response.body.bytes == body)
    }

    @Test func aDeflateClientDoesNotMatchTheGzipTag() throws {
        let gzipTag = variantTag("gzip")
        let response = try app().respond(
            to: F.request(
                .get, "/articles",
                fields: [
                    .acceptEncoding: "deflate", .ifNoneMatch: gzipTag,
                ]))
        #expect(response.status == .ok)
        #expect(response.headerFields[.contentEncoding] == "deflate")
        #expect(response.headerFields[.eTag] == variantTag("deflate"))
    }

    @Test func staticFilesRevalidateThroughCompression() throws {
        let directory = try TemporarySiteDirectory()
        let script = String(repeating: "console.log('dateline');\n", count: 200)
        try directory.write("app.js", script)
        let app = StaticFiles(root: directory.path).wrapped(in: [CompressionMiddleware(), ETagMiddleware()])

        let first = try app.respond(to: F.request(.get, "/app.js", fields: [.acceptEncoding: "gzip"]))
        #expect(first.headerFields[.contentEncoding] == "gzip")
        #expect(first.headerFields[.contentType] == "text/javascript; charset=utf-8")
        let etag = try #require(first.headerFields[.eTag])
        #expect(etag.hasSuffix("-gzip\""))
        #expect(try Inflater.decompress(#require(first.body.bytes), format: .gzip) == Array(script.utf8))

        let second = try app.respond(to: F.request(.get, "/app.js", fields: [.acceptEncoding: "gzip", .ifNoneMatch: etag]))
        #expect(second.status == .notModified)
        #expect(second.headerFields[.eTag] == etag)
    }
}
