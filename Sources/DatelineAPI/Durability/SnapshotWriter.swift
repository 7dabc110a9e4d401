import HTTPServer
import NewsModel

/// Writes a snapshot file a record at a time: the bytes `CompactJSONEncoder` makes of the
/// snapshot's ``StoreContents`` (keys in order: articles, entities, events, redirects, version),
/// sent to the file whenever `bufferBytes` of them are ready.
///
/// A snapshot of a million events is a gigabyte of JSON. Built whole, it stood in memory beside
/// the store for as long as it took to write, and the buffer it grew in was copied at each
/// doubling and faulted in page by page. Through a buffer of a megabyte, the store is all there is.
struct SnapshotWriter {
    private let descriptor: Int32
    private let path: String
    private let bufferBytes: Int
    private let encoder = CompactJSONEncoder()
    private var buffer: [UInt8] = []
    /// Bytes sent to the file so far.
    private var written = 0

    /// Writes `snapshot` to the open file `descriptor` (named `path` in errors); returns how
    /// many bytes it wrote.
    static func write(_ snapshot: StoreSnapshot, to descriptor: Int32, path: String, bufferBytes: Int = 1 << 20) throws -> Int {
        var writer = SnapshotWriter(descriptor: descriptor, path: path, bufferBytes: bufferBytes)
        writer.buffer.reserveCapacity(bufferBytes + (64 << 10))
        try writer.list("articles", opening: "{", snapshot.forEachArticle)
        try writer.list("entities", opening: ",", snapshot.forEachEntity)
        try writer.list("events", opening: ",", snapshot.forEachEvent)
        writer.buffer += #","redirects":"#.utf8
        try writer.encoder.encode(snapshot.redirects, appendingTo: &writer.buffer)
        writer.buffer += #","version":"#.utf8
        writer.buffer += String(snapshot.version).utf8
        writer.buffer.append(UInt8(ascii: "}"))
        try writer.send()
        return writer.written
    }

    /// `"key":[...]` after `opening`, its elements the records `forEach` visits.
    private mutating func list<Record: Encodable>(
        _ key: String, opening: Character, _ forEach: ((Record) throws -> Void) throws -> Void
    ) throws {
        buffer += "\(opening)\"\(key)\":[".utf8
        var first = true
        try forEach { record in
            if !first { buffer.append(UInt8(ascii: ",")) }
            first = false
            try encoder.encode(record, appendingTo: &buffer)
            if buffer.count >= bufferBytes { try send() }
        }
        buffer.append(UInt8(ascii: "]"))
    }

    /// Sends what the buffer holds to the file, and empties it.
    private mutating func send() throws {
        try DurableFile.writeAll(descriptor, buffer, path: path)
        DurableFile.startWriteback(descriptor, offset: written, length: buffer.count)
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
