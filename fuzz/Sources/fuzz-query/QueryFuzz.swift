import FuzzSupport
import HTTPServer
import HTTPTypes

/// Built once: the seed is extracted at start-up, and reads do not change the store.
let api = FuzzApplication()
let responder = api.fresh().responder

/// The routes whose query parameters (filters, limits, dates, cursors, `since`) are read.
let routes: [String] = {
    let entity = api.contents.entities.first { $0.id == "vladimir-putin" }?.id ?? api.contents.entities[0].id
    let article = api.contents.articles.first?.id ?? "none"
    return [
        "/events", "/entities", "/search", "/articles", "/timeline", "/entities/\(entity)/events",
        "/entities/\(entity)/articles", "/entities/\(entity)/related", "/articles/\(article)/events",
        "/changes",
    ]
}()

/// Input: `PATH?QUERY` or just `QUERY` (for `/events`). A path outside the list routes is read
/// as `/events`; the query is percent-decoded into items as the server would. Any answer must be
/// below 500, any thrown error an HTTPError with a 4xx status.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var path = "/events"
    var query = input[...]
    if let mark = input.firstIndex(of: UInt8(ascii: "?")) {
        let named = String(decoding: input[..<mark], as: UTF8.self)
        if routes.contains(named) { path = named }
        query = input[(mark + 1)...]
    }
    let target = path + "?" + String(decoding: query, as: UTF8.self)
    let head = HTTPRequest(method: .get, scheme: nil, authority: "localhost", path: target, headerFields: [:])
    let request = Request(head: head, path: path, query: FormDecoding.items(query), remoteAddress: "127.0.0.1:1")
    ResponseCheck.expectNoServerError(responder, request)
    return 0
}
