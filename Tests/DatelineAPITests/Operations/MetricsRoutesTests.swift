import DatelineAPI
import HTTPServer
import HTTPTypes
import NewsModel
import Testing

@Suite struct MetricsRoutesTests {
    func router(_ metrics: MetricsObserver) -> Router {
        var router = Router()
        MetricsRoutes(metrics: metrics).register(in: &router)
        return router
    }

    func request(_ path: String, method: HTTPRequest.Method = .get) -> Request {
        Request(head: HTTPRequest(method: method, scheme: nil, authority: "localhost", path: path), path: path)
    }

    @Test func metricsAnswersInTheTextFormat() throws {
        let metrics = MetricsObserver(store: Fixtures.store())
        metrics.requestCompleted(.make("/events", route: "/events"))
        let response = try router(metrics).respond(to: request("/metrics"))
        #expect(response.status == .ok)
        #expect(response.headerFields[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(response.headerFields[.cacheControl] == "no-store")
        let text = PrometheusText(String(decoding: response.body.bytes ?? [], as: UTF8.self))
        #expect(text.malformed.isEmpty)
        #expect(text.value(MetricsObserver.Name.requests, ["method": "GET", "route": "/events", "status": "200"]) == 1)
        #expect(text.value(MetricsObserver.Name.storeEvents) == Double(Fixtures.events.count))
    }

    @Test func headIsAnsweredByTheGetHandler() throws {
        let response = try router(MetricsObserver(store: NewsStore())).respond(to: request("/metrics", method: .head))
        #expect(response.status == .ok)
    }

    @Test func otherMethodsAreRefused() {
        #expect {
            try router(MetricsObserver(store: NewsStore())).respond(to: request("/metrics", method: .post))
        } throws: { error in
            (RoutedError.unwrap(error) as? HTTPError)?.status == .methodNotAllowed && (error as? RoutedError)?.route == "/metrics"
        }
    }
}
