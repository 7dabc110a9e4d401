import Foundation
import HTTPServer
import Logging
import NewsModel
import Testing

@testable import DatelineAPI

/// Response bodies and journal records of the seeded store, encoded by `CompactJSONEncoder`
/// (through `JSONBody` and `Persistence`) and by Foundation's `JSONEncoder`: the same bytes,
/// so that no `ETag` changed with the encoder.
@Suite struct SeedEncodingTests {
    let contents: StoreContents

    init() throws {
        contents = try Application.seededForTesting().store.snapshot.contents
    }

    private func expectSameBody<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        FoundationEncoding.expectSame(try JSONBody.encode(value), try FoundationEncoding.bytes(value), sourceLocation: sourceLocation)
    }

    @Test func theSeedIsNotEmpty() {
        #expect(!contents.articles.isEmpty)
        #expect(!contents.entities.isEmpty)
        #expect(!contents.events.isEmpty)
    }

    @Test func everyRecordOfTheSeedIsEncodedAsFoundationEncodesIt() throws {
        try expectSameBody(contents)
        for event in contents.events { try expectSameBody(event) }
        for article in contents.articles {
            try expectSameBody(article)
            try expectSameBody(ArticleSummary(article))
        }
        for entity in contents.entities {
            try expectSameBody(entity)
            try expectSameBody(RelatedEntity(entity: entity, sharedEvents: 2, sharedSentences: 0))
        }
    }

    @Test func listsAndLinesAreEncodedAsFoundationEncodesThem() throws {
        try expectSameBody(ListEnvelope(data: contents.events, next: "cursor/with+slash==", total: contents.events.count))
        try expectSameBody(ListEnvelope(data: contents.articles.map(ArticleSummary.init), next: nil, total: 0))
        try expectSameBody(Page(items: contents.entities, next: nil, total: contents.entities.count))
        let buckets = EventDate.Precision.allCases.map { TimelineBucket(key: "2024-06", precision: $0, count: 3) }
        try expectSameBody(ListEnvelope(data: buckets, next: nil, total: buckets.count))
        let hits = contents.events.enumerated().map { index, event in
            SearchHit(kind: .event, id: event.id, label: event.summary, snippet: "…\(event.summary)…", score: 1 / Double(index + 3))
        }
        try expectSameBody(hits)
        try expectSameBody(HealthRoutes.Status(status: "ok"))
        let lines = try contents.events.flatMap { try FoundationEncoding.bytes($0) + [UInt8(ascii: "\n")] }
        FoundationEncoding.expectSame(try JSONBody.lines(contents.events), lines)
    }

    @Test func journalRecordsAreEncodedAsFoundationEncodesThemAndReadBack() throws {
        let directory = NSTemporaryDirectory() + "dateline-seed-encoding-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let persistence = Persistence(
            store: NewsStore(), feed: ChangeFeed(heartbeatInterval: 60), directory: directory, logger: logger)
        try persistence.open(seed: {})
        let batches: [[StoreChange]] =
            contents.entities.map { [.upsertEntity($0)] } + contents.articles.map { [.upsertArticle($0)] }
            + contents.events.map { [.upsertEvent($0)] }
            + [[.mergeEntity(id: contents.entities[0].id, into: contents.entities[1].id), .deleteEvent(id: contents.events[0].id)]]
        for changes in batches {
            FoundationEncoding.expectSame(try CompactJSONEncoder().encode(changes), try FoundationEncoding.bytes(changes))
            try persistence.commit(changes)
        }
        let journal = try Journal.read(path: directory + "/journal.ndjson")
        #expect(journal.warnings.isEmpty)
        #expect(journal.records.map(\.changes) == batches)
    }
}
