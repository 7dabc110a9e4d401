import Foundation
import Testing

/// Reads over sockets from a server with its journal on, which makes snapshots for readers only
/// when one is wanted: a read that comes after a spell of writes no reader asked about still sees
/// every write acknowledged before it.
@Suite("Durable reads", .serialized)
struct DurableReadsTests {
    @Test func aReadAfterASpellOfWritesAloneSeesEveryAcknowledgedWrite() throws {
        let directory = NSTemporaryDirectory() + "dateline-reads-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["DATELINE_DATA_DIR": directory, "DATELINE_API_TOKEN": "reads-token"]
        let server = try ServerProcess.serve(["--set", "log.access=false"], environment: environment)
        defer { server.stop() }
        try CrashRecoveryTests.waitUntilReady(server.port)
        for round in 0..<3 {
            // One at a time, so that each is a flush of its own: more flushes than a reader's
            // request keeps snapshots coming for.
            let names = (0..<100).map { "Durable Read Organization \(round) \($0)" }
            let outcome = ConcurrentRequests.send(names.map(Self.post), port: server.port, window: 1)
            #expect(outcome.statuses.allSatisfy { ($0 ?? 0) == 201 })
            for name in names.reversed() {
                let slug = name.lowercased().replacingOccurrences(of: " ", with: "-")
                #expect(try HTTPProbe.get(port: server.port, path: "/entities/\(slug)").status == 200, "\(slug)")
            }
        }
    }

    /// A request that creates the organization `name`.
    static func post(_ name: String) -> String {
        let body = #"{"name":"\#(name)","type":"organization"}"#
        return
            "POST /entities HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer reads-token\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }
}
