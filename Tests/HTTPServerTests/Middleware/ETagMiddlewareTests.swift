import HTTPTypes
import Testing

@testable import HTTPServer

@Suite struct ETagMiddlewareTests {
    typealias F = MiddlewareFixtures

    private let body = Array("{\"headline\":\"Markets rally\"}".utf8)
    private var tag: String { ContentHash.entityTag(for: body).description }

    private func run(
        _ method: HTTPRequest.Method = .get, fields: HTTPFields = [:],
        response: Response? = nil
    ) throws -> Response {
        var answer = response ?? Response(contentType: "application/json", bytes: body)
        if response == nil {
            answer.cacheability = .revalidate
            answer.headerFields[.vary] = "Accept-Encoding"
            answer.headerFields[.contentLocation] = "/articles/1"
            answer.headerFields[HTTPField.Name("Link")!] = "</articles/2>; rel=\"next\""
        }
        return try ETagMiddleware().respond(to: F.request(method, "/articles/1", fields: fields), next: F.responder(answer))
    }

    @Test(arguments: [HTTPRequest.Method.get, .head])
    func addsAStrongTagFromTheBytes(method: HTTPRequest.Method) throws {
        let response = try run(method)
        #expect(response.status == .ok)
        #expect(response.headerFields[.eTag] == tag)
        #expect(response.headerFields[.eTag]?.count == 18)
        #expect(response.body.bytes == body)
    }

    @Test(
        arguments: [
            ("\"0000000000000000\"", false),
            ("*", true),
            ("\"x\", TAG", true),
            ("W/TAG", true),
            ("\"x\",TAG,\"y\"", true),
            ("not-a-list", false),
        ] as [(String, Bool)])
    func ifNoneMatchDecides(field: String, notModified: Bool) throws {
        let value = field.replacingTag(with: tag)
        let response = try run(fields: [.ifNoneMatch: value])
        #expect((response.status == .notModified) == notModified)
    }

    @Test func notModifiedKeepsValidatorsAndCacheFieldsButNoBody() throws {
        let response = try run(.head, fields: [.ifNoneMatch: tag])
        #expect(response.status == .notModified)
        #expect(response.headerFields[.eTag] == tag)
        #expect(response.headerFields[.cacheControl] == "no-cache")
        #expect(response.headerFields[.vary] == "Accept-Encoding")
        #expect(response.headerFields[.contentLocation] == "/articles/1")
        #expect(response.headerFields[HTTPField.Name("Link")!] != nil)
        #expect(response.headerFields[.contentType] == nil)
        #expect(response.body.bytes == [])
    }

    @Test func severalIfNoneMatchFieldsCountTogether() throws {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .ifNoneMatch, value: "\"other\""))
        fields.append(HTTPField(name: .ifNoneMatch, value: tag))
        #expect(try run(fields: fields).status == .notModified)
    }

    @Test func anExistingTagIsKeptAndCompared() throws {
        var answer = Response(contentType: "application/json", bytes: body)
        answer.entityTag = EntityTag("v7", isWeak: true)
        #expect(try run(response: answer).headerFields[.eTag] == "W/\"v7\"")
        #expect(try run(fields: [.ifNoneMatch: "\"v7\""], response: answer).status == .notModified)
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete])
    func otherMethodsAreLeftAlone(method: HTTPRequest.Method) throws {
        let response = try run(method, fields: [.ifNoneMatch: "*"])
        #expect(response.status == .ok)
        #expect(response.headerFields[.eTag] == nil)
    }

    @Test func otherStatusesAndStreamsAreLeftAlone() throws {
        let created = try run(response: Response(status: .created, contentType: "application/json", bytes: body))
        #expect(created.headerFields[.eTag] == nil)
        let stream = try run(
            fields: [.ifNoneMatch: "*"],
            response: Response(body: .stream(ResponseStream { $0.finish() })))
        #expect(stream.status == .ok)
        #expect(stream.headerFields[.eTag] == nil)
    }
}

extension String {
    /// The text with `TAG` replaced by `tag`.
    func replacingTag(with tag: String) -> String {
        split(separator: "TAG", omittingEmptySubsequences: false).joined(separator: tag)
    }
}
