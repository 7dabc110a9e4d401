import Foundation
import Testing

@testable import DatelineAPI

/// The journal's file on its own: records go over zeros laid down ahead of them, reading stops
/// at the zeros without a warning, and a record torn inside them is still found out.
@Suite("Journal")
struct JournalTests {
    let directory = NSTemporaryDirectory() + "dateline-journal-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    var path: String { directory + "/journal.ndjson" }

    func fileSize() throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    static func lines(_ versions: ClosedRange<UInt64>) -> [UInt8] {
        versions.flatMap { Journal.line(version: $0, encodedChanges: Array("[]".utf8)) }
    }

    @Test func recordsGoOverZerosLaidDownAheadAndReadBackWithoutWarnings() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(path: path, count: 0)
        let first = Self.lines(1...3)
        try journal.write(first, records: 3)
        try journal.sync()
        #expect(try fileSize() == Journal.extent, "grown a whole extent at once")
        try journal.write(Self.lines(4...5), records: 2)
        try journal.sync()
        #expect(try fileSize() == Journal.extent, "the next records fit in it")
        #expect(journal.bytes == first.count + Self.lines(4...5).count)

        let contents = try Journal.read(path: path)
        #expect(contents.records.map(\.version) == Array(1...5))
        #expect(contents.validBytes == journal.bytes)
        #expect(contents.warnings.isEmpty)
    }

    @Test func recordsPastTheExtentGrowTheFileAgain() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(path: path, count: 0)
        // One batch a little larger than an extent, then one more record.
        let count = UInt64(Journal.extent / Self.lines(1...1).count + 2)
        try journal.write(Self.lines(1...count), records: Int(count))
        try journal.write(Self.lines((count + 1)...(count + 1)), records: 1)
        try journal.sync()
        #expect(try fileSize() == 2 * Journal.extent)
        #expect(try Journal.read(path: path).records.map(\.version) == Array(1...(count + 1)))
    }

    @Test func aReopenedJournalWritesAfterItsRecords() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(path: path, count: 0)
        try journal.write(Self.lines(1...2), records: 2)
        try journal.sync()
        let read = try Journal.read(path: path)
        let reopened = try Journal(path: path, count: read.records.count, bytes: read.validBytes)
        try reopened.write(Self.lines(3...3), records: 1)
        try reopened.sync()
        #expect(try Journal.read(path: path).records.map(\.version) == [1, 2, 3])
    }

    @Test func aRecordTornInsideTheZerosIsSkippedWithAWarning() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let journal = try Journal(path: path, count: 0)
        try journal.write(Self.lines(1...2), records: 2)
        try journal.sync()
        let torn = Array(Self.lines(3...3).dropLast(10))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64(journal.bytes))
        handle.write(Data(torn))
        try handle.close()

        let contents = try Journal.read(path: path)
        #expect(contents.records.map(\.version) == [1, 2])
        #expect(contents.validBytes == journal.bytes)
        #expect(contents.warnings.count == 1)
    }
}
