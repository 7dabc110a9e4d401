import Foundation
import Testing

@testable import DatelineAPI

/// A mapped file reads as the file's bytes, before and after its pages are let go; a snapshot
/// decoded from one, its pages let go as it goes, is the snapshot decoded from its bytes.
@Suite struct MappedFileTests {
    let directory = NSTemporaryDirectory() + "dateline-mapped-\(UUID().uuidString)"

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    func write(_ bytes: Data, to name: String) throws -> String {
        let path = directory + "/" + name
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func readsTheFileBeforeAndAfterItsPagesAreLetGo() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bytes = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let file = try #require(MappedFile(path: try write(bytes, to: "bytes")))
        #expect(file.data == bytes)
        file.release(0..<bytes.count)
        file.release(5_000..<170_001)
        file.release(299_999..<400_000)
        #expect(file.data == bytes)
    }

    @Test func anEmptyFileIsEmptyAndAMissingOneIsNone() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try #require(MappedFile(path: try write(Data(), to: "empty")))
        #expect(file.data.isEmpty)
        file.release(0..<10)
        #expect(MappedFile(path: directory + "/missing") == nil)
    }

    @Test func aSnapshotDecodedFromAMappedFileIsTheSnapshotWritten() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try #require(MappedFile(path: try write(try SnapshotDecoderTests.written, to: "snapshot.json")))
        #expect(try SnapshotDecoder.decode(file, runBytes: 300) == SnapshotDecoderTests.contents)
    }
}
