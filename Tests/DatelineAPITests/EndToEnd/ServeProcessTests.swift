import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The `dateline` program as users run it: start-up, configuration errors, health, shutdown.
@Suite("dateline serve as a process", .serialized)
struct ServeProcessTests {
    @Test func portZeroBindsAFreePortAndLogsIt() throws {
        let server = try ServerProcess.serve()
        #expect(server.port > 0)
        let health = try HTTPProbe.get(port: server.port, path: "/healthz")
        #expect(health.status == 200)
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: 10) == 0, "\(server.logLines.suffix(60).joined(separator: "\n"))")
    }

    @Test func theStoreBecomesReady() throws {
        let server = try ServerProcess.serve()
        var status = 0
        let deadline = ContinuousClock.now + .seconds(20)
        while status != 200 && ContinuousClock.now < deadline {
            status = try HTTPProbe.get(port: server.port, path: "/readyz").status
            if status != 200 { usleep(50_000) }
        }
        #expect(status == 200)
        let articles = try HTTPProbe.get(port: server.port, path: "/articles")
        #expect(articles.status == 200)
        #expect(articles.body.contains("What Did Putin Discuss with Mahmoud Abbas?"))
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: 10) == 0, "\(server.logLines.suffix(60).joined(separator: "\n"))")
    }

    @Test func sigtermLetsTheRequestInFlightFinish() throws {
        let server = try ServerProcess.serve()
        let client = try ProbeConnection(port: server.port)
        client.send("GET /healthz HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"a\":")
        usleep(100_000)
        server.signal(SIGTERM)
        usleep(200_000)
        #expect(server.process.isRunning)
        client.send("\"bc\"}")
        let response = try client.readAll()
        #expect(response.hasPrefix("HTTP/1.1 200"))
        #expect(response.contains("Connection: close"))
        #expect(server.waitForExit(timeout: 10) == 0, "\(server.logLines.suffix(60).joined(separator: "\n"))")
    }

    @Test func everyAccessLogLineIsWrittenBeforeAGracefulExit() throws {
        let server = try ServerProcess.serve()
        let requests = 40
        for _ in 0..<requests {
            #expect(try HTTPProbe.get(port: server.port, path: "/healthz").status == 200)
        }
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: 10) == 0, "\(server.logLines.suffix(60).joined(separator: "\n"))")
        // The pipe's reader may still be handing over the last chunk.
        let deadline = ContinuousClock.now + .seconds(5)
        while !server.logLines.contains(where: { $0.contains("\"message\":\"stopped\"") }) && ContinuousClock.now < deadline {
            usleep(20_000)
        }
        let lines = server.logLines
        let accessLines = lines.filter { $0.contains("\"message\":\"request\"") && $0.contains("\"path\":\"/healthz\"") }
        #expect(accessLines.count == requests, "\(lines.suffix(20).joined(separator: "\n"))")
        // Every access line comes before the last log line, `stopped` (a sanitizer's summary,
        // when the binary carries one, may follow it).
        let stopped = lines.lastIndex { $0.contains("\"message\":\"stopped\"") }
        let lastAccess = lines.lastIndex { $0.contains("\"message\":\"request\"") }
        #expect(stopped != nil && lastAccess.map { $0 < stopped! } == true, "\(lines.suffix(5).joined(separator: "\n"))")
    }

    @Test(arguments: [
        (["serve", "--port", "99999"], [String: String](), "port"),
        (["serve", "--set", "timeouts.idle=never"], [:], "timeouts.idle"),
        (["serve"], ["DATELINE_HOST": ""], "host"),
        (["serve", "--set", "unknown.key=1"], [:], "unknown.key"),
        (["serve", "--port", "0"], ["DATELINE_KNOWLEDGE_DIRECTORY": "/nonexistent"], "knowledgeDirectory"),
    ])
    func badConfigurationStopsStartUpWithExitCode2(arguments: [String], environment: [String: String], key: String) throws {
        let process = try ServerProcess(arguments, environment: environment)
        #expect(process.waitForExit(timeout: 20) == 2)
        #expect(process.logLines.joined().contains("\"\(key)\""))
    }

    @Test func aDatabaseURLBesideADataDirectoryStopsStartUpNamingBoth() throws {
        let process = try ServerProcess(
            ["serve", "--port", "0", "--set", "dataDirectory=\(NSTemporaryDirectory())dateline-unused"],
            environment: ["DATELINE_DATABASE_URL": "postgresql://dateline@127.0.0.1:1/dateline"])
        #expect(process.waitForExit(timeout: 20) == 2)
        let output = process.logLines.joined()
        #expect(output.contains("database.url") && output.contains("dataDirectory"), "\(output)")
    }

    @Test func healthcheckSubcommandExitsZeroOrOne() throws {
        let server = try ServerProcess.serve()
        let good = try ServerProcess(["healthcheck", "--port", String(server.port)])
        #expect(good.waitForExit(timeout: 10) == 0)
        server.signal(SIGTERM)
        #expect(server.waitForExit(timeout: 10) == 0, "\(server.logLines.suffix(60).joined(separator: "\n"))")
        let bad = try ServerProcess(["healthcheck", "--port", String(server.port)])
        #expect(bad.waitForExit(timeout: 10) == 1)
    }

    @Test func configPrintShowsTheEffectiveValues() throws {
        let process = try ServerProcess(["config", "print", "--port", "1234"], environment: ["DATELINE_HOST": "::"])
        #expect(process.waitForExit(timeout: 10) == 0)
        let text = process.logLines.joined(separator: "\n")
        #expect(text.contains("port = 1234"))
        #expect(text.contains("host = ::"))
    }
}

/// One blocking connection for process tests.
final class ProbeConnection {
    let descriptor: Int32

    init(port: Int) throws {
        guard let descriptor = Loopback.connect(port: port, receiveTimeout: 10) else { throw POSIXError(.ECONNREFUSED) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    func send(_ text: String) {
        _ = text.withCString { Glibc.send(descriptor, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }

    private var pending: [UInt8] = []

    /// Reads until `marker` has arrived; returns everything read so far, and keeps nothing.
    func read(until marker: String) throws -> String {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !String(decoding: pending, as: UTF8.self).contains(marker) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { throw POSIXError(.ETIMEDOUT) }
            pending.append(contentsOf: buffer[0..<count])
        }
        defer { pending = [] }
        return String(decoding: pending, as: UTF8.self)
    }

    /// Everything until the server closes.
    func readAll() throws -> String {
        var received = pending
        pending = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// One GET with `Connection: close`.
enum HTTPProbe {
    static func get(port: Int, path: String, headers: String = "") throws -> (status: Int, body: String) {
        let connection = try ProbeConnection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\(headers)\r\n")
        let text = try connection.readAll()
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (status, body)
    }
}
