import Foundation
import Postgres
import PostgresTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Replicas of the `dateline` binary sharing one throwaway PostgreSQL cluster, over real sockets:
/// acknowledged writes reach every replica (one killed with SIGKILL and restarted among them),
/// the change feed is one gap-free log whichever replica serves it, the seed is extracted once
/// however many replicas start together, and a database restart under load gives writers only
/// 201 or 503 and readers 200.
@Suite("Replicas on PostgreSQL", .serialized, .enabled(if: PostgresTestCluster.isAvailable, "PostgreSQL's server is not installed"))
struct ReplicaTests {
    static let token = "replica-token"

    /// A replica on `cluster`, ready (its store loaded from the database).
    static func replica(_ cluster: PostgresTestCluster) throws -> ServerProcess {
        let server = try ServerProcess.serve(
            ["--set", "log.access=false"], environment: ["DATELINE_DATABASE_URL": cluster.url, "DATELINE_API_TOKEN": token])
        try CrashRecoveryTests.waitUntilReady(server.port)
        return server
    }

    static func createEntity(_ name: String) -> String {
        let body = #"{"name":"\#(name)","type":"organization"}"#
        return
            "POST /entities HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer \(token)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
    }

    static func slug(_ name: String) -> String { name.lowercased().replacingOccurrences(of: " ", with: "-") }

    /// The versions of the change log a replica serves after `since`, in the order it lists them.
    static func changeVersions(port: Int, since: UInt64 = 0) throws -> [UInt64] {
        let response = try HTTPProbe.get(port: port, path: "/changes?since=\(since)", headers: "Accept: application/x-ndjson\r\n")
        #expect(response.status == 200)
        return response.body.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: #""version":\d+\}$"#, options: .regularExpression) else { return nil }
            return UInt64(line[range].dropFirst(10).dropLast())
        }
    }

    /// The version the database's head row holds.
    static func head(_ cluster: PostgresTestCluster) throws -> UInt64 {
        let connection = try PostgresConnection(url: cluster.url)
        return UInt64(try connection.execute("SELECT version FROM dateline_head").scalar ?? "") ?? 0
    }

    /// Waits until `port` serves every version up to `version`.
    static func waitForVersion(_ version: UInt64, port: Int) throws {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if try changeVersions(port: port, since: version > 0 ? version - 1 : 0).last ?? 0 >= version { return }
            usleep(50_000)
        }
        Issue.record("the replica on port \(port) did not reach version \(version)")
    }

    @Test func acknowledgedWritesReachEveryReplicaAndTheFeedIsOneLog() throws {
        let cluster = try PostgresTestCluster()
        var replicas = try (0..<3).map { _ in try Self.replica(cluster) }
        let names = (0..<3).map { r in (0..<120).map { "Replica Test Organization \(r) \($0)" } }
        let outcomes = Outcomes()
        let killed = replicas[2].process.processIdentifier
        let group = DispatchGroup()
        for (r, replica) in replicas.enumerated() {
            let requests = names[r].map(Self.createEntity)
            let port = replica.port
            DispatchQueue.global().async(group: group) {
                let outcome = ConcurrentRequests.send(requests, port: port, window: 16, stopAfter: r == 2 ? 40 : nil) {
                    if r == 2 { kill(killed, SIGKILL) }
                }
                outcomes.set(r, outcome)
            }
        }
        group.wait()
        _ = replicas[2].waitForExit(timeout: 10)
        replicas[2] = try Self.replica(cluster)

        let acknowledged = (0..<3).flatMap { r in
            zip(names[r], outcomes.get(r).statuses).filter { ($0.1 ?? 0) / 100 == 2 }.map(\.0)
        }
        #expect(acknowledged.count >= 280)
        #expect(outcomes.get(0).statuses.allSatisfy { $0 == 201 }, "a live replica refused a write")
        let head = try Self.head(cluster)
        for replica in replicas {
            try Self.waitForVersion(head, port: replica.port)
            for name in acknowledged {
                let status = try HTTPProbe.get(port: replica.port, path: "/entities/\(Self.slug(name))").status
                #expect(status == 200, "\(name) was acknowledged but replica \(replica.port) lacks it")
            }
        }
        // The database mirrors the current rows: every acknowledged entity, as the replicas serve it.
        let connection = try PostgresConnection(url: cluster.url)
        let mirrored = try connection.execute(
            "SELECT count(*) FROM dateline_entities WHERE body->>'name' LIKE 'Replica Test Organization %'"
        ).scalar
        #expect(mirrored.flatMap { Int($0) } ?? 0 >= acknowledged.count)
        // One gap-free log, the same on every replica; a client that moves on with its last
        // version misses nothing and sees nothing twice.
        let log = try Self.changeVersions(port: replicas[0].port)
        #expect(log == Array(1...head))
        for replica in replicas.dropFirst() {
            #expect(try Self.changeVersions(port: replica.port, since: head / 2) == Array((head / 2 + 1)...head))
        }
        // The live stream too: resumed on another replica with Last-Event-ID.
        let stream = try ProbeConnection(port: replicas[1].port)
        stream.send(
            "GET /changes HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\nLast-Event-ID: \(head / 2)\r\nConnection: close\r\n\r\n")
        let events = try stream.read(until: "id: \(head)\n")
        let ids = events.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("id: ") }.compactMap { UInt64($0.dropFirst(4)) }
        #expect(ids == Array((head / 2 + 1)...head))
    }

    @Test func replicasStartingTogetherExtractTheSeedOnce() throws {
        let cluster = try PostgresTestCluster()
        let servers = try (0..<3).map { _ in
            try ServerProcess.serve(
                ["--set", "log.access=false"], environment: ["DATELINE_DATABASE_URL": cluster.url, "DATELINE_API_TOKEN": Self.token])
        }
        for server in servers { try CrashRecoveryTests.waitUntilReady(server.port) }
        #expect(try Self.head(cluster) == 1, "the seed is one article, one version")
        let bodies = try servers.map { try HTTPProbe.get(port: $0.port, path: "/events?limit=200").body }
        #expect(Set(bodies).count == 1)
        #expect(bodies[0].contains("mahmoud-abbas"))
    }

    @Test func aDatabaseRestartUnderLoadGivesWritersOnly201Or503AndReaders200() throws {
        let cluster = try PostgresTestCluster()
        let replicas = try (0..<2).map { _ in try Self.replica(cluster) }
        let ports = replicas.map(\.port)
        let name: @Sendable (Int, Int) -> String = { "Restart Test Organization \($0) \($1)" }
        let writers = ports.enumerated().map { r, port in
            PacedRequests(port: port, pause: 10_000) { Self.createEntity(name(r, $0)) }
        }
        let readers = ports.map { port in
            PacedRequests(port: port, pause: 15_000) { _ in "GET /events?limit=5 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n" }
        }
        // The outage starts once both replicas are taking writes, whenever their threads got going.
        for writer in writers {
            #expect(writer.wait(seconds: 30) { $0.count >= 10 }, "the writers did not get going")
        }
        cluster.stop()
        let down = ContinuousClock.now
        // While it is down: a write is refused with Retry-After, a read is served, and /readyz says why.
        let refused = try ProbeConnection(port: ports[0])
        refused.send(Self.createEntity("Refused While Down"))
        let answer = try refused.readAll()
        #expect(answer.hasPrefix("HTTP/1.1 503"))
        #expect(answer.contains("Retry-After: "))
        #expect(answer.contains("application/problem+json"))
        let deadline = ContinuousClock.now + .seconds(5)
        var readiness = ""
        repeat {
            readiness = try HTTPProbe.get(port: ports[1], path: "/readyz").body
        } while !readiness.contains("the database cannot be reached") && ContinuousClock.now < deadline
        #expect(readiness.contains("the database cannot be reached"), "\(readiness)")
        // It lasts at least 1.5 s, and until each replica has refused one of its writers.
        for writer in writers {
            #expect(writer.wait(seconds: 15) { $0.contains(503) }, "no write fell in the outage")
        }
        let rest = .seconds(1.5) - (ContinuousClock.now - down)
        if rest > .zero { usleep(UInt32(rest / .microseconds(1))) }
        try cluster.start()
        // Writes resume by themselves, on both replicas.
        for writer in writers {
            let resumed = writer.wait(seconds: 30) { statuses in
                statuses.lastIndex(of: 503).map { statuses[$0...].contains(201) } ?? false
            }
            #expect(resumed, "writes did not resume")
        }
        let written = writers.map { $0.stop() }
        for (r, statuses) in written.enumerated() {
            #expect(
                statuses.allSatisfy { $0 == 201 || $0 == 503 }, "writers got \(Set(statuses.map { $0 ?? 0 })) \(writers[r].failures)")
            let reads = readers[r].stop()
            #expect(reads.allSatisfy { $0 == 200 }, "readers got \(Set(reads.map { $0 ?? 0 })) \(readers[r].failures)")
        }
        let head = try Self.head(cluster)
        let metrics = try HTTPProbe.get(port: ports[0], path: "/metrics").body.split(separator: "\n")
        let errors = metrics.first { $0.hasPrefix("dateline_database_errors_total ") }?.split(separator: " ").last.flatMap { Double($0) }
        #expect((errors ?? 0) > 0, "the outage counted no database error")
        #expect(metrics.contains { $0.hasPrefix("dateline_replication_lag_versions ") })
        // Every acknowledged write is on both replicas.
        for port in ports {
            try Self.waitForVersion(head, port: port)
            for (r, statuses) in written.enumerated() {
                for (index, status) in statuses.enumerated() where status == 201 {
                    let slug = Self.slug(name(r, index))
                    #expect(try HTTPProbe.get(port: port, path: "/entities/\(slug)").status == 200, "\(slug) is missing on \(port)")
                }
            }
        }
    }
}

/// Requests sent one after another, `pause` microseconds apart, on a thread of their own until
/// stopped; the statuses so far can be read, and waited on, while it runs. The `n`-th status
/// answers `request(n)`, and is nil when no response came (``failures`` then says why, when
/// the connection told).
private final class PacedRequests: @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [Int?] = []
    private var failed: [String] = []
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)

    init(port: Int, pause: UInt32, request: @escaping @Sendable (Int) -> String) {
        Thread.detachNewThread { [self] in
            while !lock.withLock({ stopped }) {
                let index = statuses.count
                let outcome = ConcurrentRequests.send([request(index)], port: port, timeout: 15)
                lock.withLock {
                    sent.append(outcome.statuses[0])
                    if outcome.statuses[0] == nil { failed.append("request \(index): \(outcome.failures[0] ?? "no answer in 15 s")") }
                }
                usleep(pause)
            }
            finished.signal()
        }
    }

    var statuses: [Int?] { lock.withLock { sent } }

    /// Why each request without a status got none, in order.
    var failures: [String] { lock.withLock { failed } }

    /// Whether the statuses came to satisfy `condition` within `seconds`.
    func wait(seconds: Double, until condition: ([Int?]) -> Bool) -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while !condition(statuses) {
            if ContinuousClock.now >= deadline { return false }
            usleep(10_000)
        }
        return true
    }

    /// Stops after the request in flight, and returns every status.
    func stop() -> [Int?] {
        lock.withLock { stopped = true }
        finished.wait()
        return statuses
    }
}

/// The outcomes of request runs on several threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: ConcurrentRequests.Outcome] = [:]

    func set(_ key: Int, _ outcome: ConcurrentRequests.Outcome) { lock.withLock { values[key] = outcome } }

    func get(_ key: Int) -> ConcurrentRequests.Outcome { lock.withLock { values[key] ?? ConcurrentRequests.Outcome(statuses: []) } }
}
