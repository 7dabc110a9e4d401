import Foundation
import HTTPServer
import NewsModel
import Testing

@testable import DatelineAPI

/// A snapshot written a record at a time is, byte for byte, the snapshot's contents encoded
/// whole, however small the buffer it goes through; and it decodes back to those contents.
@Suite struct SnapshotWriterTests {
    let directory = NSTemporaryDirectory() + "dateline-snapshot-writer-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Writes `snapshot` through a buffer of `bufferBytes`; returns the file's bytes and the
    /// count the writer gave.
    func written(_ snapshot: StoreSnapshot, bufferBytes: Int) throws -> (file: Data, count: Int) {
        let path = directory + "/snapshot.json"
        let count = try DurableFile.replace(path) { descriptor, temporary in
            try SnapshotWriter.write(snapshot, to: descriptor, path: temporary, bufferBytes: bufferBytes)
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        return (try Data(contentsOf: URL(fileURLWithPath: path)), count)
    }

    @Test(arguments: [1, 100, 1 << 20])
    func writesWhatTheEncoderMakesOfTheContents(bufferBytes: Int) throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let snapshot = NewsStore(restoring: SnapshotDecoderTests.contents).snapshot
        let (file, count) = try written(snapshot, bufferBytes: bufferBytes)
        #expect(file == Data(try CompactJSONEncoder().encode(snapshot.contents)))
        #expect(count == file.count)
        #expect(try SnapshotDecoder.decode(file) == SnapshotDecoderTests.contents)
    }

    @Test func writesAnEmptyStore() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let snapshot = NewsStore(restoring: StoreContents(version: 7)).snapshot
        let (file, _) = try written(snapshot, bufferBytes: 1 << 20)
        #expect(String(decoding: file, as: UTF8.self) == #"{"articles":[],"entities":[],"events":[],"redirects":{},"version":7}"#)
    }
}
