import Foundation
import HTTPServer
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A server on 127.0.0.1 and a free port, for tests over real sockets.
final class TestServer: Sendable {
    let server: HTTPServer
    let port: Int

    init(_ responder: any Responder, configure: (inout HTTPServerConfiguration) -> Void = { _ in }) throws {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.ioEngine = .underTest
        configure(&configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        server = HTTPServer(configuration: configuration, responder: responder, logger: logger)
        port = try server.start().port
    }

    /// Shuts the server down and waits for every connection to close.
    func stop() async {
        await server.shutdown()
    }

    func client(timeout: Double = 5) throws -> RawClient {
        try RawClient(port: port, timeout: timeout)
    }
}

/// A responder that answers every request with the same body.
struct FixedResponder: Responder {
    let bytes: [UInt8]

    func respond(to request: Request) throws -> Response {
        Response(contentType: "application/octet-stream", bytes: bytes)
    }
}

/// A responder that echoes what it was asked, as text: method, path, query and body.
struct EchoResponder: Responder {
    func respond(to request: Request) throws -> Response {
        if request.path == "/fail" { throw EchoFailure() }
        if request.path == "/slow" { usleep(300_000) }
        if request.path == "/fixed" { return Response(contentType: "text/plain; charset=utf-8", bytes: Array(Self.fixed.utf8)) }
        let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let text =
            "\(request.method.rawValue) \(request.path) \(query) \(request.body.count)\n" + String(decoding: request.body, as: UTF8.self)
        return Response(contentType: "text/plain; charset=utf-8", bytes: Array(text.utf8))
    }

    struct EchoFailure: Error {}

    /// The body of `/fixed`, the same whatever the method.
    static let fixed = "the same bytes for GET and HEAD\n"

}
