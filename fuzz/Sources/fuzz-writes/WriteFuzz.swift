import FuzzSupport
import HTTPServer
import HTTPTypes

let api = FuzzApplication()

/// The write routes a first line may name; `{id}` takes whatever single path segment follows.
let routes: [(method: HTTPRequest.Method, prefix: String, takesID: Bool)] = [
    (.post, "/events", false), (.post, "/entities", false), (.post, "/articles", false),
    (.patch, "/events/", true), (.put, "/events/", true), (.patch, "/entities/", true), (.put, "/entities/", true),
]

/// How many inputs share one application before it is rebuilt from the seed. Writes that
/// succeed grow the store; rebuilding keeps the state near the seed and memory flat.
let inputsPerApplication = 64
nonisolated(unsafe) var current = api.fresh()
nonisolated(unsafe) var inputsOnCurrent = 0

/// Input: a first line `METHOD PATH` naming a write route (`POST /events`, `PATCH /events/some-id`),
/// then the body. Input whose first line names none goes whole to `POST /events`. Requests carry
/// the API token; any answer must be below 500, any thrown error an HTTPError with a 4xx status.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWrites(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var method = HTTPRequest.Method.post
    var path = "/events"
    var body = Array(input)
    if let newline = input.firstIndex(of: UInt8(ascii: "\n")) {
        let line = String(decoding: input[..<newline], as: UTF8.self)
        if let (chosenMethod, chosenPath) = route(line) {
            method = chosenMethod
            path = chosenPath
            body = Array(input[(newline + 1)...])
        }
    }
    if inputsOnCurrent == inputsPerApplication {
        current = api.fresh()
        inputsOnCurrent = 0
    }
    inputsOnCurrent += 1

    var fields: HTTPFields = [.authorization: "Bearer \(FuzzApplication.token)", .accept: "application/json"]
    fields[.contentType] = method == .patch ? "application/merge-patch+json" : "application/json"
    let head = HTTPRequest(method: method, scheme: nil, authority: "localhost", path: path, headerFields: fields)
    let request = Request(head: head, path: path, body: body, remoteAddress: "127.0.0.1:1")
    ResponseCheck.expectNoServerError(current.responder, request)
    return 0
}

/// The method and path a first line names, when it is one of ``routes``.
func route(_ line: String) -> (HTTPRequest.Method, String)? {
    let parts = line.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return nil }
    let path = String(parts[1])
    for route in routes where route.method.rawValue == parts[0] {
        if !route.takesID, path == route.prefix { return (route.method, path) }
        if route.takesID, path.hasPrefix(route.prefix) {
            let id = path.dropFirst(route.prefix.count)
            if !id.isEmpty, !id.contains("/"), !id.contains("?") { return (route.method, path) }
        }
    }
    return nil
}
