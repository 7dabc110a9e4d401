import Dispatch
import Logging
import Testing

@testable import HTTPServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection on each engine's loop, over a socket pair: the machine's actions carried out
/// on a real descriptor.
@Suite("HTTP connection")
struct HTTPConnectionTests {
    /// A started connection on the server end of a socket pair, and the client end.
    final class Fixture: @unchecked Sendable {
        let loop: any IOLoop
        let client: Int32
        let closed = DispatchSemaphore(value: 0)
        let connection: HTTPConnection

        init(
            engine: IOEngine, responder: any Responder = EchoResponder(),
            configure: (inout HTTPServerConfiguration) -> Void = { _ in }
        ) throws {
            var descriptors: [Int32] = [0, 0]
            guard socketpair(AF_UNIX, Posix.streamSocketType, 0, &descriptors) == 0 else { throw SocketError.makeFailed("socketpair") }
            Posix.makeNonBlocking(descriptors[0])
            client = descriptors[1]
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            var configuration = HTTPServerConfiguration()
            configure(&configuration)
            loop = try engine.makeLoop()
            loop.start()
            let closed = closed
            var logger = Logger(label: "test")
            logger.logLevel = .critical
            let context = ConnectionContext(
                configuration: configuration, responder: responder, observer: nil, logger: logger,
                dateHeader: DateHeader(), shutdown: ShutdownFlag(), closed: { _ in closed.signal() })
            connection = HTTPConnection(descriptor: descriptors[0], remoteAddress: "test", context: context, loop: loop)
            connection.start()
        }

        func send(_ text: String) {
            _ = text.withCString { Posix.send(client, $0, strlen($0)) }
        }

        /// Reads until `text` has arrived, or the peer closes, or 5 s pass.
        func read(until text: String) -> String {
            var received: [UInt8] = []
            var pollDescriptor = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
            let end = DispatchTime.now() + 5
            while DispatchTime.now() < end, !String(decoding: received, as: UTF8.self).contains(text) {
                guard poll(&pollDescriptor, 1, 100) > 0 else { continue }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = chunk.withUnsafeMutableBytes { Posix.read(client, into: $0) }
                if count <= 0 { break }
                received += chunk[0..<count]
            }
            return String(decoding: received, as: UTF8.self)
        }

        deinit {
            Posix.close(client)
            loop.stop()
        }
    }

    @Test(arguments: IOEngine.available)
    func answersPipelinedRequestsInOrder(engine: IOEngine) throws {
        let fixture = try Fixture(engine: engine)
        fixture.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\nPOST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc")
        let text = fixture.read(until: "abc")
        let first = try #require(text.range(of: "GET /one"))
        let second = try #require(text.range(of: "POST /two  3\nabc"))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test(arguments: IOEngine.available)
    func closesWhenThePeerLeaves(engine: IOEngine) throws {
        let fixture = try Fixture(engine: engine)
        fixture.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = fixture.read(until: "GET /")
        shutdown(fixture.client, Int32(SHUT_WR))
        #expect(fixture.closed.wait(timeout: .now() + 5) == .success)
    }

    @Test(arguments: IOEngine.available)
    func answersAnIncompleteHeadWith408AtItsDeadline(engine: IOEngine) throws {
        let fixture = try Fixture(engine: engine) { $0.timeouts.headerRead = 0.3 }
        fixture.send("GET /slow HTTP/1.1\r\n")
        #expect(fixture.read(until: "408").contains("HTTP/1.1 408 Request Timeout"))
        #expect(fixture.closed.wait(timeout: .now() + 5) == .success)
    }

    @Test(arguments: IOEngine.available)
    func forceCloseClosesTheDescriptor(engine: IOEngine) throws {
        let fixture = try Fixture(engine: engine)
        fixture.connection.forceClose()
        #expect(fixture.closed.wait(timeout: .now() + 5) == .success)
        #expect(fixture.read(until: "never").isEmpty)
    }
}
