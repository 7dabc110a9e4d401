import HTTPTypes
import Testing

@testable import HTTPServer

@Suite struct CORSMiddlewareTests {
    typealias F = MiddlewareFixtures

    private let local = CORSMiddleware(allowedOrigins: ["http://localhost:3000", "https://News.Example"])
    private let anyone = CORSMiddleware(allowedOrigins: ["*"])
    private let ok = F.responder(Response(contentType: "application/json", bytes: Array("{}".utf8)))

    private func preflight(_ middleware: CORSMiddleware, origin: String, headers: String? = nil) throws -> Response {
        var fields: HTTPFields = [.origin: origin, .accessControlRequestMethod: "PUT"]
        if let headers { fields[.accessControlRequestHeaders] = headers }
        let refuse = ClosureResponder { _ in throw HTTPError(.methodNotAllowed) }
        return try middleware.respond(to: F.request(.options, "/articles/1", fields: fields), next: refuse)
    }

    @Test(arguments: ["http://localhost:3000", "https://news.example", "HTTPS://NEWS.EXAMPLE"])
    func allowedOriginsAreEchoed(origin: String) throws {
        let response = try local.respond(to: F.request(.get, "/", fields: [.origin: origin]), next: ok)
        #expect(response.headerFields[.accessControlAllowOrigin] == origin)
        #expect(response.headerFields[.accessControlExposeHeaders] == "ETag, Link, Location, X-Request-ID")
        #expect(response.headerFields[.vary] == "Origin")
    }

    @Test(arguments: ["http://evil.example", "http://localhost:3001", "null", "http://localhost:3000.evil.example"])
    func otherOriginsGetNoCORSFields(origin: String) throws {
        let response = try local.respond(to: F.request(.get, "/", fields: [.origin: origin]), next: ok)
        #expect(response.status == .ok)
        #expect(response.headerFields[.accessControlAllowOrigin] == nil)
        #expect(response.headerFields[.accessControlExposeHeaders] == nil)
        #expect(response.headerFields[.vary] == "Origin")
    }

    @Test func requestsWithoutOriginStillVaryOnIt() throws {
        let response = try local.respond(to: F.request(.get, "/"), next: ok)
        #expect(response.headerFields[.accessControlAllowOrigin] == nil)
        #expect(response.headerFields[.vary] == "Origin")
    }

    @Test func aWildcardAnswersStarWithoutVary() throws {
        let response = try anyone.respond(to: F.request(.get, "/", fields: [.origin: "http://a.example"]), next: ok)
        #expect(response.headerFields[.accessControlAllowOrigin] == "*")
        #expect(response.headerFields[.vary] == nil)
    }

    @Test func anAllowedPreflightIsAnsweredHere() throws {
        let response = try preflight(
            local, origin: "http://localhost:3000",
            headers: "content-type, if-match, x-request-id")
        #expect(response.status == .noContent)
        #expect(response.headerFields[.accessControlAllowOrigin] == "http://localhost:3000")
        #expect(response.headerFields[.accessControlAllowMethods] == "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
        #expect(response.headerFields[.accessControlAllowHeaders] == "content-type, if-match, x-request-id")
        #expect(response.headerFields[.accessControlMaxAge] == "600")
        #expect(response.headerFields[.vary] == "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
        #expect(response.body.bytes == [])
    }

    @Test func headersOutsideTheAllowListAreNotEchoed() throws {
        let response = try preflight(local, origin: "http://localhost:3000", headers: "Content-Type, X-Secret")
        #expect(response.headerFields[.accessControlAllowHeaders] == "Content-Type")
        let none = try preflight(local, origin: "http://localhost:3000", headers: "X-Secret")
        #expect(none.headerFields[.accessControlAllowHeaders] == nil)
    }

    @Test func aRefusedPreflightGetsNoAllowFields() throws {
        let response = try preflight(local, origin: "http://evil.example", headers: "Content-Type")
        #expect(response.status == .noContent)
        #expect(response.headerFields[.accessControlAllowOrigin] == nil)
        #expect(response.headerFields[.accessControlAllowMethods] == nil)
        #expect(response.headerFields[.accessControlAllowHeaders] == nil)
        #expect(response.headerFields[.accessControlMaxAge] == nil)
        #expect(response.headerFields[.vary]?.contains("Origin") == true)
    }

    @Test func aWildcardPreflightAnswersStar() throws {
        let response = try preflight(anyone, origin: "http://a.example", headers: "Authorization")
        #expect(response.headerFields[.accessControlAllowOrigin] == "*")
        #expect(response.headerFields[.accessControlAllowHeaders] == "Authorization")
        #expect(response.headerFields[.vary] == "Access-Control-Request-Method, Access-Control-Request-Headers")
    }

    @Test func optionsWithoutARequestMethodIsNotAPreflight() throws {
        let allow = F.responder(Response(status: .noContent, headerFields: [.allow: "GET, OPTIONS"]))
        let response = try local.respond(to: F.request(.options, "/", fields: [.origin: "http://localhost:3000"]), next: allow)
        #expect(response.headerFields[.allow] == "GET, OPTIONS")
        #expect(response.headerFields[.accessControlAllowOrigin] == "http://localhost:3000")
        #expect(response.headerFields[.accessControlAllowMethods] == nil)
    }

    @Test func thrownHTTPErrorsCarryTheFields() throws {
        let missing = ClosureResponder { _ in throw HTTPError(.notFound, detail: "no such article") }
        let request = F.request(.get, "/articles/9", fields: [.origin: "http://localhost:3000"])
        let error = #expect(throws: HTTPError.self) { try local.respond(to: request, next: missing) }
        #expect(error?.status == .notFound)
        #expect(error?.headerFields[.accessControlAllowOrigin] == "http://localhost:3000")
        #expect(error?.headerFields[.vary] == "Origin")
    }
}
