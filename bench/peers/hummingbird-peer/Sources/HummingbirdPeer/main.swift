// Serves the bodies that bench/run captured from Dateline, with Hummingbird 2's router.
//
//   HummingbirdPeer --port N --bodies DIR
//
// DIR/routes.tsv has one line per captured response, tab-separated:
//   path  query  encoding  content-type  file
// where query is "-" for none and encoding is "identity" or "gzip". A request is answered with
// the entry for its path and exact query; the gzip entry is chosen when the client accepts gzip.
import Foundation
import Hummingbird
import Logging
import NIOCore

/// One captured response body.
struct CapturedBody: Sendable {
    let contentType: String
    let bytes: ByteBuffer
}

/// The captured bodies of one path, by query and encoding.
struct PathBodies: Sendable {
    var identity: [String: CapturedBody] = [:]
    var gzip: [String: CapturedBody] = [:]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("hummingbird-peer: \(message)\n".utf8))
    exit(2)
}

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func loadBodies(from directory: String) -> [String: PathBodies] {
    let manifest = directory + "/routes.tsv"
    guard let text = try? String(contentsOfFile: manifest, encoding: .utf8) else { fail("cannot read \(manifest)") }
    var table: [String: PathBodies] = [:]
    for line in text.split(separator: "\n") where !line.isEmpty {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5 else { fail("bad line in \(manifest): \(line)") }
        guard let data = FileManager.default.contents(atPath: directory + "/" + fields[4]) else {
            fail("cannot read \(fields[4])")
        }
        let body = CapturedBody(contentType: fields[3], bytes: ByteBuffer(bytes: data))
        let query = fields[1] == "-" ? "" : fields[1]
        if fields[2] == "gzip" {
            table[fields[0], default: PathBodies()].gzip[query] = body
        } else {
            table[fields[0], default: PathBodies()].identity[query] = body
        }
    }
    return table
}

func response(for request: Request, from bodies: PathBodies) -> Response {
    let query = request.uri.query ?? ""
    let acceptsGzip = request.headers[.acceptEncoding]?.contains("gzip") ?? false
    if acceptsGzip, let body = bodies.gzip[query] {
        return Response(
            status: .ok,
            headers: [.contentType: body.contentType, .contentEncoding: "gzip", .vary: "Accept-Encoding"],
            body: ResponseBody(byteBuffer: body.bytes)
        )
    }
    guard let body = bodies.identity[query] else { return Response(status: .notFound) }
    var headers: HTTPFields = [.contentType: body.contentType]
    if !bodies.gzip.isEmpty { headers[.vary] = "Accept-Encoding" }
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body.bytes))
}

guard let portText = option("--port"), let port = Int(portText) else { fail("--port N is required") }
guard let directory = option("--bodies") else { fail("--bodies DIR is required") }

let table = loadBodies(from: directory)
let router = Router()
for (path, bodies) in table {
    router.get(RouterPath(path)) { request, _ in response(for: request, from: bodies) }
}
var logger = Logger(label: "hummingbird-peer")
logger.logLevel = .warning
let app = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "hummingbird-peer"),
    logger: logger
)
try await app.runService()
