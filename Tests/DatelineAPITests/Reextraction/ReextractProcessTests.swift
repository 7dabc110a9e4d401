import DatelineAPI
import Extraction
import Foundation
import NewsModel
import Testing

/// `dateline reextract` run as users run it, on a data directory an older extractor wrote, and
/// start-up re-extracting an older-version seed.
@Suite("dateline reextract as a process", .serialized)
struct ReextractProcessTests {
    static func application(_ directory: String, seed: String) throws -> Application {
        var configuration = DatelineConfiguration.testing()
        configuration.dataDirectory = directory
        configuration.seedDirectory = seed
        configuration.apiToken = "t"
        return try Application.testing(configuration)
    }

    static let noSeed = NSTemporaryDirectory() + "dateline-no-seed"
    static let seed = ServerProcess.packageRoot.appendingPathComponent("data/seed").path

    /// A data directory holding one posted article, with everything restamped as older.
    static func olderDataDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "dateline-reextract-\(UUID().uuidString)"
        let writer = WriteClient(store: NewsStore(), dataDirectory: directory)
        try writer.application.openStore()
        let posted = writer.post(
            "/articles",
            [
                "title": "Talks resume in Moscow", "publishedAt": "2024-08-19", "source": ["name": "Example Wire"],
                "body": "Vladimir Putin hosted Mahmoud Abbas in Moscow on Tuesday. Abbas thanked Putin for the talks.",
            ])
        #expect(posted.status == 201)
        try writer.application.persistence.commit(OlderExtraction.changes(in: writer.store.snapshot))
        return directory
    }

    /// Whether a JSON log line says `articles_reextracted` was `count`.
    static func reextracted(_ count: Int, in line: String) -> Bool {
        line.contains("\"articles_reextracted\":\(count)") || line.contains("\"articles_reextracted\":\"\(count)\"")
    }

    @Test func reextractsTheDataDirectory() throws {
        let directory = try Self.olderDataDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let environment = ["DATELINE_DATA_DIR": directory, "DATELINE_SEED_DIRECTORY": Self.noSeed]

        let run = try ServerProcess(["reextract", "--log-format", "json"], environment: environment)
        #expect(run.waitForExit(timeout: 120) == 0)
        let finished = run.logLines.first { $0.contains("\"message\":\"re-extraction finished\"") } ?? ""
        #expect(Self.reextracted(1, in: finished), "\(run.logLines)")

        let reader = try Self.application(directory, seed: Self.noSeed)
        try reader.openStore()
        let snapshot = reader.store.snapshot
        #expect(snapshot.articleCount == 1)
        #expect(!OlderExtraction.remains(in: snapshot))
        #expect(snapshot.event("stale-event") == nil)
        #expect(snapshot.event("editors-note") != nil)
        #expect(snapshot.contents.events.contains { $0.extractorVersion == Extractor.version })

        let again = try ServerProcess(["reextract", "--log-format", "json"], environment: environment)
        #expect(again.waitForExit(timeout: 120) == 0)
        #expect(again.logLines.contains { $0.contains("re-extraction finished") && Self.reextracted(0, in: $0) })
    }

    @Test func needsADataDirectory() throws {
        let run = try ServerProcess(["reextract"], environment: [:])
        #expect(run.waitForExit(timeout: 30) == 2)
        #expect(run.logLines.joined().contains("dataDirectory"))
    }

    @Test func startUpReextractsAnOlderSeed() throws {
        let directory = NSTemporaryDirectory() + "dateline-reextract-seed-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try Self.application(directory, seed: Self.seed)
        try first.openStore()
        #expect(!OlderExtraction.remains(in: first.store.snapshot), "a fresh start extracts with the current extractor")
        try first.persistence.commit(OlderExtraction.changes(in: first.store.snapshot))
        try first.persistence.compact()

        let second = try Self.application(directory, seed: Self.seed)
        try second.openStore()
        let snapshot = second.store.snapshot
        #expect(!OlderExtraction.remains(in: snapshot))
        #expect(snapshot.event("stale-event") == nil)
        #expect(snapshot.event("editors-note") != nil)
        #expect(snapshot.articleCount == 1)
    }
}
