import DatelineAPI
import Foundation
import HTTPServer
import HTTPTypes
import NewsModel

/// Sends requests to the whole application (routes and middleware) in-process, the way the
/// server would, errors rendered as problem documents.
struct TestClient {
    let application: Application
    let responder: any Responder

    init(store: NewsStore = Fixtures.store(), ready: Bool = true) {
        application = try! Application.testing(store: store)
        if ready { application.readiness.set(.ready) }
        responder = application.makeResponder()
    }

    var store: NewsStore { application.store }

    /// Sends `target` (`/events?type=fight`) with the given method and fields.
    func send(_ target: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:]) -> TestResponse {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        let query = parts.count > 1 ? Self.queryItems(String(parts[1])) : []
        let head = HTTPRequest(method: method, scheme: nil, authority: "localhost", path: target, headerFields: headers)
        let request = Request(head: head, path: path, query: query)
        do {
            return TestResponse(try responder.respond(to: request).settled(for: request))
        } catch {
            return TestResponse(ProblemDetails.response(for: error))
        }
    }

    /// A GET.
    func get(_ target: String, accept: String? = nil) -> TestResponse {
        var headers: HTTPFields = [:]
        if let accept { headers[.accept] = accept }
        return send(target, headers: headers)
    }

    static func queryItems(_ query: String) -> [QueryItem] {
        query.split(separator: "&").map { piece in
            let pair = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return QueryItem(name: decode(pair[0]), value: pair.count > 1 ? decode(pair[1]) : "")
        }
    }
}
