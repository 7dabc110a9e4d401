import DatelineAPI
import Foundation
import HTTPServer
import HTTPTypes
import NewsModel

/// Sends writes and reads to a whole application in-process, with the bearer token set.
struct WriteClient: Sendable {
    static let token = "test-token"

    let application: Application
    let responder: any Responder

    /// An application over `store`, with the test token unless `token` says otherwise.
    init(
        store: NewsStore = Fixtures.store(), token: String? = WriteClient.token, allowAnonymous: Bool = false,
        dataDirectory: String? = nil, bodyLimit: Int? = nil
    ) {
        var configuration = DatelineConfiguration.testing()
        configuration.seedDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("no-seed-here").path
        configuration.apiToken = token
        configuration.allowAnonymousWrites = allowAnonymous
        configuration.dataDirectory = dataDirectory
        if let bodyLimit { configuration.server.limits.bodyBytes = bodyLimit }
        application = try! Application.testing(configuration, store: store)
        application.readiness.set(.ready)
        responder = application.makeResponder()
    }

    var store: NewsStore { application.store }

    /// Sends a request; `json` is serialized as the body with `contentType`. The token goes
    /// along unless `authorization` replaces it (empty: no `Authorization` at all).
    func send(
        _ method: HTTPRequest.Method, _ target: String, json: Any? = nil, body: [UInt8]? = nil,
        contentType: String? = "application/json", headers: HTTPFields = [:],
        authorization: String? = "Bearer \(WriteClient.token)"
    ) -> TestResponse {
        var fields = headers
        if let authorization, !authorization.isEmpty { fields[.authorization] = authorization }
        var bytes = body ?? []
        if let json {
            bytes = Array(try! JSONSerialization.data(withJSONObject: json, options: [.fragmentsAllowed]))
        }
        if let contentType, json != nil || body != nil { fields[.contentType] = contentType }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let head = HTTPRequest(method: method, scheme: nil, authority: "localhost", path: target, headerFields: fields)
        let request = Request(
            head: head, path: String(parts[0]),
            query: parts.count > 1 ? TestClient.queryItems(String(parts[1])) : [], body: bytes)
        do {
            return TestResponse(try responder.respond(to: request).settled(for: request))
        } catch {
            return TestResponse(ProblemDetails.response(for: error))
        }
    }

    func get(_ target: String, headers: HTTPFields = [:]) -> TestResponse {
        send(.get, target, headers: headers, authorization: "")
    }

    func post(_ target: String, _ json: Any, headers: HTTPFields = [:]) -> TestResponse {
        send(.post, target, json: json, headers: headers)
    }

    func put(_ target: String, _ json: Any, headers: HTTPFields = [:]) -> TestResponse {
        send(.put, target, json: json, headers: headers)
    }

    func patch(_ target: String, _ json: Any, headers: HTTPFields = [:]) -> TestResponse {
        send(.patch, target, json: json, contentType: "application/merge-patch+json", headers: headers)
    }

    func delete(_ target: String, headers: HTTPFields = [:]) -> TestResponse {
        send(.delete, target, headers: headers)
    }
}

extension TestResponse {
    /// The `field`s of a 422's `errors`.
    var errorFields: [String] {
        (json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
