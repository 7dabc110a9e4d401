import HTTPTypes
import Testing

@testable import HTTPServer

/// Errors become problem responses in one place, which keeps the route that threw them.
@Suite struct ErrorMiddlewareTests {
    static func request(_ path: String) -> Request {
        Request(head: HTTPRequest(method: .get, scheme: nil, authority: nil, path: path), path: path)
    }

    /// Adds a header to whatever comes back, as the security headers do.
    struct Stamp: Middleware {
        func respond(to request: Request, next: any Responder) throws -> Response {
            var response = try next.respond(to: request)
            response.headerFields[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
            return response
        }
    }

    static var router: Router {
        var router = Router()
        router.get("/events/{id}") { _ in throw HTTPError(.notFound, detail: "No such event.") }
        router.get("/broken") { _ in throw CancellationError() }
        return router
    }

    @Test func aRoutesErrorIsAProblemCountedUnderTheRoute() throws {
        let responder = Self.router.wrapped(in: [Stamp(), ErrorMiddleware()])
        let response = try responder.respond(to: Self.request("/events/7"))
        #expect(response.status == .notFound)
        #expect(response.headerFields[.contentType] == ProblemDetails.contentType)
        #expect(response.headerFields[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        #expect(response.route == "/events/{id}")
    }

    @Test func anUnknownPathIsAProblemWithNoRoute() throws {
        let response = try Self.router.wrapped(in: [ErrorMiddleware()]).respond(to: Self.request("/nowhere"))
        #expect(response.status == .notFound)
        #expect(response.route == nil)
    }

    @Test func anUnexpectedErrorIsA500() throws {
        let response = try Self.router.wrapped(in: [ErrorMiddleware()]).respond(to: Self.request("/broken"))
        #expect(response.status == .internalServerError)
        #expect(response.route == "/broken")
    }
}
