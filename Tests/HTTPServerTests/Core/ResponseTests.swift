import Dispatch
import HTTPTypes
import Testing

@testable import HTTPServer

@Suite struct ResponseTests {
    typealias F = MiddlewareFixtures

    @Test func theEntityTagIsWhatTheETagFieldSays() {
        var response = Response(contentType: "application/json", bytes: [])
        #expect(response.entityTag == nil && response.headerFields[.eTag] == nil)
        response.entityTag = EntityTag("abc", isWeak: true)
        #expect(response.headerFields[.eTag] == "W/\"abc\"")
        response.entityTag = nil
        #expect(response.headerFields[.eTag] == nil)
    }

    @Test func anETagGivenAtConstructionBecomesTheTypedTag() {
        #expect(Response(headerFields: [.eTag: "\"v1\""]).entityTag == EntityTag("v1"))
        #expect(Response(headerFields: [.eTag: "not a tag"]).entityTag == nil)
    }

    @Test(arguments: [
        (Cacheability.noStore, "no-store", false),
        (.revalidate, "no-cache", true),
        (.fresh(maxAge: 60, immutable: false), "public, max-age=60", true),
        (.fresh(maxAge: 31_536_000, immutable: true), "public, max-age=31536000, immutable", true),
    ])
    func cacheabilityIsTheCacheControlField(cacheability: Cacheability, field: String, mayStore: Bool) {
        var response = Response()
        response.cacheability = cacheability
        #expect(response.headerFields[.cacheControl] == field)
        #expect(cacheability.mayStore == mayStore)
    }

    @Test func aNotModifiedAnswerKeepsTheTypedValues() {
        var response = Response(contentType: "application/json", bytes: Array("{}".utf8))
        response.route = "/events"
        response.entityTag = EntityTag("e1")
        response.cacheability = .revalidate
        let answer = response.answering(F.request(.get, "/events", fields: [.ifNoneMatch: "\"e1\""]))
        #expect(answer.status == .notModified)
        #expect(answer.route == "/events")
        #expect(answer.entityTag == EntityTag("e1"))
        #expect(answer.cacheability == .revalidate)
        #expect(answer.headerFields[.contentType] == nil && answer.body.bytes == [])
        #expect(response.answering(F.request(.get, "/events", fields: [.ifNoneMatch: "\"e2\""])).status == .ok)
    }
}

@Suite struct ResponseFailingTests {
    @Test func aProblemInAResponsesPlaceKeepsItsOtherFieldsAndRoute() {
        var created = Response(status: .created, contentType: "application/json", bytes: Array("{}".utf8))
        created.route = "/events"
        created.entityTag = EntityTag("abc")
        created.cacheability = .revalidate
        created.headerFields[.location] = "/events/a"
        created.headerFields[.vary] = "Origin"
        let problem = ProblemDetails.response(for: HTTPError(.serviceUnavailable, detail: "Not durable."))
        let failed = created.failing(with: problem)
        #expect(failed.status == .serviceUnavailable)
        #expect(failed.route == "/events")
        #expect(failed.headerFields[.vary] == "Origin")
        #expect(failed.headerFields[.contentType] == "application/problem+json")
        #expect(failed.headerFields[.location] == nil && failed.headerFields[.eTag] == nil)
        #expect(failed.headerFields[.cacheControl] == problem.headerFields[.cacheControl])
        #expect(failed.body.bytes == problem.body.bytes)
    }

    @Test func anOpenGateSettlesToTheResponseAndAFailedOneToItsProblem() {
        struct Open: ResponseGate {
            let error: (any Error)?
            func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void) {
                DispatchQueue.global().async { opened(error) }
            }
        }
        let request = Request(head: HTTPRequest(method: .post, scheme: nil, authority: "t", path: "/events"), path: "/events", query: [])
        var response = Response(status: .created, contentType: "application/json", bytes: Array("{}".utf8))
        response.gate = Open(error: nil)
        #expect(response.settled(for: request).status == .created)
        response.gate = Open(error: HTTPError(.serviceUnavailable, detail: "Not durable."))
        #expect(response.settled(for: request).status == .serviceUnavailable)
    }
}
