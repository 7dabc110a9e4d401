import Dispatch
import Foundation
public import HTTPServer
public import HTTPTypes
import Locking
import Logging

/// The project's HTTP server on 127.0.0.1 and a free port, answering with fixture responses
/// and recording every request it gets.
public final class FixtureServer: Sendable {
    public let port: Int
    private let server: HTTPServer
    private let log: Locked<[Request]>

    /// A server whose routes `build` adds; `compressing` puts gzip and deflate in front.
    public init(compressing: Bool = false, _ build: (inout Router) -> Void) throws {
        var router = Router()
        build(&router)
        let log = Locked<[Request]>([])
        let routed: any Responder = compressing ? router.wrapped(in: [CompressionMiddleware(minimumBytes: 64)]) : router
        let recording = ClosureResponder { request in
            log.withLock { $0.append(request) }
            return try routed.respond(to: request)
        }
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.eventLoops = 2
        configuration.timeouts.shutdownDeadline = 0.5
        var logger = Logger(label: "feeds-tests")
        logger.logLevel = .critical
        server = HTTPServer(configuration: configuration, responder: recording, logger: logger)
        port = try server.start().port
        self.log = log
    }

    /// The address of `path` on this server, by `host` (`localhost` counts as another host
    /// for the poller's turn-taking).
    public func url(_ path: String, host: String = "127.0.0.1") -> String {
        "http://\(host):\(port)\(path)"
    }

    /// The requests received for `path`, in order.
    public func requests(to path: String) -> [Request] {
        log.withLock { $0.filter { $0.path == path } }
    }

    /// Every path asked for, in order.
    public var paths: [String] {
        log.withLock { $0.map(\.path) }
    }

    public func stop() async {
        await server.shutdown()
    }
}

extension Response {
    /// A response with a text body.
    public static func text(
        _ body: String, type: String = "text/plain; charset=utf-8", status: HTTPResponse.Status = .ok, fields: HTTPFields = [:]
    ) -> Response {
        var headerFields = fields
        headerFields[.contentType] = type
        return Response(status: status, headerFields: headerFields, body: .bytes(Array(body.utf8)))
    }

    /// A response whose head goes out at once and whose body follows `delay` seconds later.
    public static func slow(_ body: String, after delay: Double) -> Response {
        Response(
            status: .ok, headerFields: [.contentType: "application/rss+xml"],
            body: .stream(
                ResponseStream { writer in
                    DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                        writer.write(Array(body.utf8))
                        writer.finish()
                    }
                }))
    }

    /// A redirect to `location`.
    public static func redirect(to location: String, status: HTTPResponse.Status = .found) -> Response {
        Response(status: status, headerFields: [.location: location])
    }
}

/// Waits, without blocking a thread, until `condition` holds or `seconds` pass; returns whether it held.
public func eventually(within seconds: Double, _ condition: () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}
