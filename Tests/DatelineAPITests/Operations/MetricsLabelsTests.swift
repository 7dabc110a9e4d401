import DatelineAPI
import HTTPServer
import HTTPTypes
import Testing

@Suite struct MetricsLabelsTests {
    @Test(arguments: [
        (HTTPRequest.Method.get, "/events/e1", "/events/{id}" as String?, 200, "/events/{id}"),
        (.get, "/events/missing", "/events/{id}", 404, "/events/{id}"),
        (.post, "/events", "/events", 405, "/events"),
        (.get, "/index.html", nil, 200, "static"),
        (.head, "/app.js", nil, 304, "static"),
        (.get, "/no/such/thing", nil, 404, "unmatched"),
        (.options, "/events", nil, 204, "preflight"),
        (.post, "/upload", nil, 200, "unmatched"),
        (.get, "", nil, 400, "unmatched"),
    ])
    func routeLabel(method: HTTPRequest.Method, path: String, route: String?, status: Int, expected: String) {
        #expect(MetricsLabels.route(.make(path, method: method, route: route, status: status)) == expected)
    }

    @Test func rawPathsNeverBecomeLabels() {
        let paths = (0..<50).map { "/random/\($0)" }
        let labels = Set(paths.map { MetricsLabels.route(.make($0, route: nil, status: 404)) })
        #expect(labels == ["unmatched"])
    }

    @Test func extensionMethodsShareOneLabel() {
        #expect(MetricsLabels.method(.get) == "GET")
        #expect(MetricsLabels.method(.delete) == "DELETE")
        #expect(MetricsLabels.method(HTTPRequest.Method("PURGE")!) == "other")
        #expect(MetricsLabels.method(HTTPRequest.Method("BREW")!) == "other")
    }
}
