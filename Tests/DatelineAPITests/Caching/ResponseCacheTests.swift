import HTTPTypes
import Locking
import NewsModel
import Testing

@testable import DatelineAPI
@testable import HTTPServer

@Suite struct ResponseCacheTests {
    private func request(_ target: String, fields: HTTPFields = [:]) -> Request {
        Request(head: HTTPRequest(method: .get, scheme: nil, authority: "localhost", path: target, headerFields: fields), path: target)
    }

    /// A responder answering `response` and counting its calls.
    private func counting(_ response: Response) -> (ClosureResponder, Locked<Int>) {
        let calls = Locked(0)
        return (
            ClosureResponder { _ in
                calls.withLock { $0 += 1 }
                return response
            }, calls
        )
    }

    private func answer(_ cacheability: Cacheability) -> Response {
        var response = Response(contentType: "application/json", bytes: Array("[]".utf8))
        response.route = "/events"
        response.entityTag = EntityTag("t1")
        response.cacheability = cacheability
        return response
    }

    @Test func aKeptAnswerKeepsItsRouteAndAnswersIfNoneMatch() throws {
        let cache = ResponseCache(store: Fixtures.store())
        let (next, calls) = counting(answer(.revalidate))
        _ = try cache.respond(to: request("/events"), next: next)
        let cached = try cache.respond(to: request("/events"), next: next)
        #expect(calls.withLock { $0 } == 1)
        #expect(cached.route == "/events")
        let revalidated = try cache.respond(to: request("/events", fields: [.ifNoneMatch: "\"t1\""]), next: next)
        #expect(revalidated.status == .notModified && revalidated.route == "/events")
        #expect(calls.withLock { $0 } == 1)
    }

    @Test func aNoStoreAnswerIsNeverKept() throws {
        let cache = ResponseCache(store: Fixtures.store())
        let (next, calls) = counting(answer(.noStore))
        _ = try cache.respond(to: request("/events"), next: next)
        _ = try cache.respond(to: request("/events"), next: next)
        #expect(calls.withLock { $0 } == 2)
        #expect(cache.count == 0)
    }

    @Test func aWriteMakesTheKeptAnswersStale() throws {
        let store = Fixtures.store()
        let cache = ResponseCache(store: store)
        let (next, calls) = counting(answer(.revalidate))
        _ = try cache.respond(to: request("/events"), next: next)
        store.deleteEvent(id: Fixtures.events[0].id)
        _ = try cache.respond(to: request("/events"), next: next)
        #expect(calls.withLock { $0 } == 2)
    }
}
