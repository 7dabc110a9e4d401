import FoundationEssentials
import NewsModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write-ahead journal: one JSON object a line, `{"sum":"<checksum>","record":{...}}`,
/// where the sum (``JournalChecksum``) covers the record's bytes exactly as written. Lines are
/// written first and made durable together by `sync`, so that one flush covers every record
/// written before it (see ``GroupCommit``).
///
/// The file is grown ahead of its records, ``extent`` bytes of zeros at a time, as PostgreSQL
/// fills a WAL segment with zeros before using it: a record then overwrites blocks the file has
/// already, and its flush writes the data alone, without the file system's own journal commit
/// for a new size. Reading stops at the zeros.
///
/// Used only by the leader of `Persistence`'s group commit, one at a time, which is why it may
/// be `@unchecked Sendable`.
final class Journal: @unchecked Sendable {
    let path: String
    private var descriptor: Int32
    /// Records written since the journal was last emptied.
    private(set) var count: Int
    /// Bytes of records written since the journal was last emptied: where the next one goes.
    private(set) var bytes: Int
    /// The file's size: the records, then zeros laid down for the next ones.
    private var allocated: Int

    /// How much the file grows at a time, in zeros, once its records reach its end.
    static let extent = 4 << 20

    private static let prefix = Array(#"{"sum":""#.utf8)
    private static let middle = Array(#"","record":"#.utf8)

    /// Opens the journal to write after its first `bytes` bytes, which hold `count` records.
    init(path: String, count: Int, bytes: Int = 0) throws {
        self.path = path
        self.descriptor = try DurableFile.openForWriting(path)
        self.count = count
        self.bytes = bytes
        do {
            allocated = try DurableFile.size(descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// Writes the lines of `records` records; they are durable only once `sync` returns.
    func write(_ lines: [UInt8], records: Int) throws {
        if bytes + lines.count > allocated { try grow(toHold: bytes + lines.count) }
        try DurableFile.writeAll(descriptor, lines, at: bytes, path: path)
        count += records
        bytes += lines.count
    }

    /// Lays zeros down past the file's end, up to a whole number of extents, so that it holds
    /// `size` bytes. The next `sync` makes them durable with the records.
    private func grow(toHold size: Int) throws {
        let target = (size / Self.extent + 1) * Self.extent
        try DurableFile.writeAll(descriptor, [UInt8](repeating: 0, count: target - allocated), at: allocated, path: path)
        allocated = target
    }

    /// Waits until everything written is on stable storage.
    func sync() throws {
        try DurableFile.syncData(descriptor, path: path)
    }

    /// Empties the journal (after a snapshot has captured everything in it).
    func reset() throws {
        try DurableFile.truncate(path, to: 0)
        count = 0
        bytes = 0
        allocated = 0
    }

    /// The line of the record of `version`, from its changes already encoded as JSON (so that
    /// the encoding can be done before the version is known).
    static func line(version: UInt64, encodedChanges: [UInt8]) -> [UInt8] {
        line(version: version, changesBytes: encodedChanges.count) { $0 += encodedChanges }
    }

    /// The line of the record of `version` whose one change upserts the event `eventJSON` encodes:
    /// made from the bytes the write answers with, not encoded again.
    static func line(version: UInt64, upsertingEventJSON eventJSON: [UInt8]) -> [UInt8] {
        line(version: version, changesBytes: eventJSON.count + 40) {
            StoreChange.appendJSON(upsertingEventJSON: eventJSON, to: &$0)
        }
    }

    /// The line of the record of `version`, its changes' JSON (about `changesBytes` of it)
    /// appended by `appendChanges`: written in one buffer, the checksum filled in over the
    /// record once the record is there.
    static func line(version: UInt64, changesBytes: Int, appendChanges: (inout [UInt8]) -> Void) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(prefix.count + JournalChecksum.length + middle.count + changesBytes + 60)
        line += prefix
        let checksum = line.count
        line += repeatElement(UInt8(ascii: "0"), count: JournalChecksum.length)
        line += middle
        let record = line.count
        line += #"{"version":"#.utf8
        line += String(version).utf8
        line += #","changes":"#.utf8
        appendChanges(&line)
        line.append(UInt8(ascii: "}"))
        JournalChecksum.write(of: record..<line.count, in: &line, at: checksum)
        line += "}\n".utf8
        return line
    }

    /// What reading a journal found.
    struct Contents {
        var records: [JournalRecord]
        /// Bytes up to the end of the last good record: anything after it is torn or corrupt.
        var validBytes: Int
        var warnings: [String]
    }

    /// Reads every good record; stops at the zeros laid down for the next ones, or at the first
    /// torn or corrupt record, with a warning.
    static func read(path: String) throws -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents(records: [], validBytes: 0, warnings: []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DurabilityError(operation: "read", path: path, errno: nil, reason: "the journal cannot be read")
        }
        let bytes = [UInt8](data)
        var contents = Contents(records: [], validBytes: 0, warnings: [])
        var start = 0
        let decoder = JSONDecoder()
        while start < bytes.count, bytes[start] != 0 {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                contents.warnings.append("skipped a torn last record at byte \(start) (no line end)")
                break
            }
            let line = bytes[start..<newline]
            guard let record = parse(line, decoder: decoder) else {
                let remaining = bytes[newline...].count > 1 ? " and everything after it" : ""
                contents.warnings.append("skipped a corrupt record at byte \(start)\(remaining)")
                break
            }
            contents.records.append(record)
            start = newline + 1
            contents.validBytes = start
        }
        return contents
    }

    private static func parse(_ line: ArraySlice<UInt8>, decoder: JSONDecoder) -> JournalRecord? {
        let sumLength = JournalChecksum.length
        let bodyStart = line.startIndex + prefix.count + sumLength + middle.count
        guard line.count > prefix.count + sumLength + middle.count + 1,
            line.starts(with: prefix),
            line[(line.startIndex + prefix.count + sumLength)..<bodyStart].elementsEqual(middle),
            line.last == UInt8(ascii: "}")
        else { return nil }
        let sum = String(decoding: line[(line.startIndex + prefix.count)..<(line.startIndex + prefix.count + sumLength)], as: UTF8.self)
        let body = Array(line[bodyStart..<(line.endIndex - 1)])
        guard sum == JournalChecksum.of(body) else { return nil }
        return try? decoder.decode(JournalRecord.self, from: Data(body))
    }
}
