import HTTPTypes
import Testing

@testable import HTTPServer

/// The router by itself: literal and template routes, HEAD and OPTIONS, 404 and 405, guards
/// and the fallback.
@Suite("Router")
struct RouterTests {
    static func request(_ method: HTTPRequest.Method, _ path: String) -> Request {
        Request(head: HTTPRequest(method: method, scheme: nil, authority: nil, path: path), path: path)
    }

    static func text(_ response: Response) -> String {
        String(decoding: response.body.bytes ?? [], as: UTF8.self)
    }

    static var router: Router {
        var router = Router()
        router.get("/events") { _ in Response(contentType: "text/plain", bytes: Array("list".utf8)) }
        router.get("/events/{id}") { request in
            Response(contentType: "text/plain", bytes: Array("event \(request.parameters["id"] ?? "?") via \(request.route ?? "")".utf8))
        }
        router.delete("/events/{id}") { _ in Response(status: .noContent) }
        router.post("/events") { _ in Response(status: .created) }
        return router
    }

    /// Notes its tag in `X-Guards` of each response it lets through, after those inside it.
    struct Tagging: Middleware {
        static let field = HTTPField.Name("X-Guards")!
        let tag: String

        func respond(to request: Request, next: any Responder) throws -> Response {
            var response = try next.respond(to: request)
            response.headerFields[Self.field] = (response.headerFields[Self.field].map { $0 + " " } ?? "") + tag
            return response
        }
    }

    @Test func guardsRunAroundTheHandlersOfTheirMethodsWhicheverCameFirst() throws {
        var router = Self.router
        router.use(Tagging(tag: "writes"), for: [.post, .put, .delete])
        router.put("/events/{id}") { _ in Response(status: .ok) }
        router.use(Tagging(tag: "puts"), for: [.put])
        router.use(Tagging(tag: "heads"), for: [.head])
        func guards(_ method: HTTPRequest.Method, _ path: String) throws -> String? {
            try router.respond(to: Self.request(method, path)).headerFields[Tagging.field]
        }
        #expect(try guards(.post, "/events") == "writes")
        #expect(try guards(.delete, "/events/7") == "writes")
        // The first guard added is the outermost: it notes its tag last.
        #expect(try guards(.put, "/events/7") == "puts writes")
        #expect(try guards(.get, "/events/7") == nil)
        // HEAD answers with GET's handler behind HEAD's guards.
        #expect(try guards(.head, "/events") == "heads")
    }

    @Test func aRouteSaysWhetherItsHandlerMayBlock() {
        var router = Self.router
        router.put("/events/{id}", blocking: false) { _ in Response(status: .ok) }
        router.post("/events/{id}/merge", blocking: false) { _ in Response(status: .ok) }
        #expect(router.mayBlock(answering: Self.request(.post, "/events")), "handlers may block unless added otherwise")
        #expect(router.mayBlock(answering: Self.request(.delete, "/events/7")))
        #expect(!router.mayBlock(answering: Self.request(.put, "/events/7")))
        #expect(!router.mayBlock(answering: Self.request(.post, "/events/7/merge")))
        // What the router answers by itself never blocks.
        #expect(!router.mayBlock(answering: Self.request(.patch, "/events/7")), "405")
        #expect(!router.mayBlock(answering: Self.request(.post, "/nowhere")), "404")
        // Middleware says what the router inside says.
        let wrapped = router.wrapped(in: [ErrorMiddleware()])
        #expect(wrapped.mayBlock(answering: Self.request(.post, "/events")))
        #expect(!wrapped.mayBlock(answering: Self.request(.put, "/events/7")))
    }

    @Test func aLiteralRouteAnswers() throws {
        #expect(Self.text(try Self.router.respond(to: Self.request(.get, "/events"))) == "list")
    }

    @Test func aTemplateRouteFillsItsParametersAndNamesItsRoute() throws {
        let response = try Self.router.respond(to: Self.request(.get, "/events/42"))
        #expect(Self.text(response) == "event 42 via /events/{id}")
        #expect(response.route == "/events/{id}")
    }

    @Test func anEmptySegmentDoesNotMatchAParameter() {
        #expect(throws: HTTPError.self) { try Self.router.respond(to: Self.request(.get, "/events/")) }
    }

    @Test func headIsAnsweredByTheGetHandler() throws {
        #expect(Self.text(try Self.router.respond(to: Self.request(.head, "/events"))) == "list")
    }

    @Test func optionsListsTheAllowedMethods() throws {
        let response = try Self.router.respond(to: Self.request(.options, "/events/7"))
        #expect(response.status == .noContent)
        #expect(response.headerFields[.allow] == "DELETE, GET, HEAD, OPTIONS")
    }

    @Test func anUnknownPathIsA404() {
        #expect {
            try Self.router.respond(to: Self.request(.get, "/nowhere"))
        } throws: { error in
            (error as? HTTPError)?.status == .notFound
        }
    }

    @Test func aKnownPathWithAnotherMethodIsA405WithAllow() {
        #expect {
            try Self.router.respond(to: Self.request(.put, "/events"))
        } throws: { error in
            guard let routed = error as? RoutedError, let error = routed.underlying as? HTTPError else { return false }
            return routed.route == "/events" && error.status == .methodNotAllowed
                && error.headerFields[.allow] == "GET, HEAD, OPTIONS, POST"
        }
    }

    @Test func aHandlersErrorNamesItsRoute() {
        var router = Router()
        router.get("/events/{id}") { _ in throw HTTPError(.notFound, detail: "No such event.") }
        #expect {
            try router.respond(to: Self.request(.get, "/events/7"))
        } throws: { error in
            (error as? RoutedError)?.route == "/events/{id}" && ((error as? RoutedError)?.underlying as? HTTPError)?.status == .notFound
        }
    }

    @Test func theFallbackAnswersUnknownPaths() throws {
        var router = Router(fallback: FixedResponder(bytes: Array("static".utf8)))
        router.get("/api") { _ in Response(status: .ok) }
        #expect(Self.text(try router.respond(to: Self.request(.get, "/index.html"))) == "static")
    }

    @Test func routesListsEveryTemplateWithItsMethods() {
        let routes = Self.router.routes
        #expect(routes.map(\.template) == ["/events", "/events/{id}"])
        #expect(routes[1].methods == [.delete, .get])
    }
}
