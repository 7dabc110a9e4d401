import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Durability as users rely on it: a server killed with SIGKILL while writes are in flight
/// (up to 500 of them, 64 at a time) comes back with every write it acknowledged.
@Suite("Crash recovery", .serialized)
struct CrashRecoveryTests {
    @Test func everyAcknowledgedWriteSurvivesSIGKILL() throws {
        let directory = NSTemporaryDirectory() + "dateline-crash-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["DATELINE_DATA_DIR": directory, "DATELINE_API_TOKEN": "crash-token"]
        let first = try ServerProcess.serve(["--set", "log.access=false"], environment: environment)
        try Self.waitUntilReady(first.port)

        let names = (0..<500).map { "Crash Test Organization \($0)" }
        let requests = names.map { name in
            let body = #"{"name":"\#(name)","type":"organization"}"#
            return
                "POST /entities HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer crash-token\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
        }
        let outcome = ConcurrentRequests.send(requests, port: first.port, window: 64, stopAfter: 150) {
            first.signal(SIGKILL)
        }
        _ = first.waitForExit(timeout: 10)
        let acknowledged = zip(names, outcome.statuses).filter { ($0.1 ?? 0) / 100 == 2 }.map(\.0)
        #expect(acknowledged.count >= 150)
        #expect(outcome.inFlightAtStop > 0, "the kill came when no write was in flight")

        let second = try ServerProcess.serve(["--set", "log.access=false"], environment: environment)
        try Self.waitUntilReady(second.port)
        for name in acknowledged {
            let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
            let entity = try HTTPProbe.get(port: second.port, path: "/entities/\(slug)")
            #expect(entity.status == 200, "\(slug) was acknowledged but is missing")
        }
        let all = try HTTPProbe.get(port: second.port, path: "/entities?q=crash&limit=500")
        #expect(all.status == 200)
        second.signal(SIGTERM)
        #expect(second.waitForExit(timeout: 10) == 0)
    }

    static func waitUntilReady(_ port: Int) throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if try HTTPProbe.get(port: port, path: "/readyz").status == 200 { return }
            usleep(50_000)
        }
        throw POSIXError(.ETIMEDOUT)
    }
}
