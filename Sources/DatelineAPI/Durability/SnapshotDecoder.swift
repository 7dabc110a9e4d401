import Dispatch
import FoundationEssentials
import Locking
import NewsModel

/// Reads a snapshot file with every core: its lists of articles, entities and events are cut
/// into runs of whole elements, and each run is decoded on its own, side by side.
///
/// A snapshot of a million events is a gigabyte of JSON. Decoded in one piece, it takes one
/// core half a minute, and the decoder's map of the whole document (an entry for every value)
/// stands beside the text and the decoded records at once. Cut into runs, the work spreads over
/// the cores, and only the runs being decoded have a map.
///
/// Cutting needs only the document's structure: strings (with their escapes) and brackets. A
/// document that is not the object a snapshot writes (another key, one missing, a syntax error)
/// is decoded in one piece instead, so it fails, or not, exactly as before.
enum SnapshotDecoder {
    /// The contents of the snapshot in `file`, whose pages are let go as they are decoded: the
    /// process then never holds the whole text beside the records read from it.
    static func decode(_ file: MappedFile, runBytes: Int = 4 << 20) throws -> StoreContents {
        try decode(file.data, runBytes: runBytes, decoded: file.release)
    }

    /// The contents of a snapshot's text; `runBytes` is about how many bytes of a list one run
    /// holds. `decoded` is told of the byte ranges read and no longer needed: all of them once
    /// the structure is found (reading them again costs little), then each run once copied out
    /// to be decoded.
    static func decode(
        _ data: Data, runBytes: Int = 4 << 20, decoded: @Sendable (Range<Int>) -> Void = { _ in }
    ) throws -> StoreContents {
        guard let parts = parts(of: data) else { return try JSONDecoder().decode(StoreContents.self, from: data) }
        decoded(0..<data.count)
        let decoder = JSONDecoder()
        let articles = try decodeList(Article.self, data, parts.articles, runBytes: runBytes, decoded: decoded) { $0.map(fitted) }
        let entities = try decodeList(Entity.self, data, parts.entities, runBytes: runBytes, decoded: decoded)
        let ids = Dictionary((articles.map(\.id) + entities.map(\.id)).map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
        return StoreContents(
            version: try decoder.decode(UInt64.self, from: data[shifted(parts.version, in: data)]),
            articles: articles,
            entities: entities,
            events: try decodeList(Event.self, data, parts.events, runBytes: runBytes, decoded: decoded) {
                sharingText(of: $0, ids: ids)
            },
            redirects: try decoder.decode([String: String].self, from: data[shifted(parts.redirects, in: data)]))
    }

    /// One run of events with the text they repeat held once (``Event/sharingText(_:)``): ids
    /// with the articles' and entities' own, quotes and versions with earlier events of the run.
    /// Done as each run is decoded, so that the copies it lets go of make room for the next run
    /// instead of leaving holes all over a million events' memory.
    private static func sharingText(of events: [Event], ids: [String: String]) -> [Event] {
        var seen: [String: String] = [:]
        return events.map { event in
            event.sharingText { text in
                if let known = ids[text] ?? seen[text] { return known }
                seen[text] = text
                return nil
            }
        }
    }

    /// The article in the memory its text needs: as it was decoded, its body and its list of
    /// mentions kept the room they grew into while they were read (the lists of 3,000 articles
    /// had room for 384,128 mentions and held 237,079).
    private static func fitted(_ article: Article) -> Article {
        var article = article
        article.body = String(decoding: Array(article.body.utf8), as: UTF8.self)
        var mentions: [Mention] = []
        mentions.reserveCapacity(article.mentions.count)
        mentions.append(contentsOf: article.mentions)
        article.mentions = mentions
        return article
    }

    /// Where the snapshot's values lie (offsets from the first byte), or nil when the text is
    /// not a snapshot's object.
    static func parts(of data: Data) -> StructureScanner.SnapshotParts? {
        data.withUnsafeBytes { bytes in
            var scanner = StructureScanner(bytes: bytes)
            return scanner.snapshotParts()
        }
    }

    /// A range of offsets from the first byte, as indices of `data` (a slice's do not start at 0).
    private static func shifted(_ range: Range<Int>, in data: Data) -> Range<Int> {
        (data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)
    }

    /// The elements at `elements` (byte ranges, in order), decoded in runs across the cores;
    /// `finish` gets each run as it is decoded, and `decoded` its bytes once they are copied out.
    private static func decodeList<Element: Decodable & Sendable>(
        _ type: Element.Type, _ data: Data, _ elements: [Range<Int>], runBytes: Int,
        decoded: @Sendable (Range<Int>) -> Void, finishing finish: @Sendable ([Element]) -> [Element] = { $0 }
    ) throws -> [Element] {
        let runs = self.runs(of: elements, bytes: runBytes)
        let results = Locked([Int: Result<[Element], any Error>]())
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            let run = runs[index]
            let bytes = elements[run.lowerBound].lowerBound..<elements[run.upperBound - 1].upperBound
            var text = Data([UInt8(ascii: "[")])
            text.append(data[shifted(bytes, in: data)])
            text.append(UInt8(ascii: "]"))
            decoded(bytes)
            let result = Result { finish(try JSONDecoder().decode([Element].self, from: text)) }
            results.withLock { $0[index] = result }
        }
        var list: [Element] = []
        list.reserveCapacity(elements.count)
        // Each run is let go once appended, so that the list and the runs never both hold all.
        var runResults = results.withLock { results in
            defer { results = [:] }
            return results
        }
        for index in runs.indices { list += try runResults.removeValue(forKey: index)!.get() }
        return list
    }

    /// The elements cut into runs of about `bytes` bytes each (one element at least): ranges of
    /// their indices.
    private static func runs(of elements: [Range<Int>], bytes: Int) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var first = 0
        while first < elements.count {
            var last = first
            while last + 1 < elements.count, elements[last + 1].upperBound - elements[first].lowerBound <= bytes { last += 1 }
            runs.append(first..<(last + 1))
            first = last + 1
        }
        return runs
    }
}

/// Where the values of a snapshot's top-level keys lie, found from the document's structure
/// alone: strings and brackets, no values decoded.
struct StructureScanner {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    struct SnapshotParts {
        var version: Range<Int>
        var redirects: Range<Int>
        var articles: [Range<Int>]
        var entities: [Range<Int>]
        var events: [Range<Int>]
    }

    /// The parts of `{"version":…,"articles":[…],"entities":[…],"events":[…],"redirects":{…}}`
    /// in any order, or nil when the document is anything else. Arrays are split into their
    /// elements as they are passed, so the text is read once.
    mutating func snapshotParts() -> SnapshotParts? {
        var values: [String: Range<Int>] = [:]
        var lists: [String: [Range<Int>]] = [:]
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipSpace()
        if !take(UInt8(ascii: "}")) {
            repeat {
                skipSpace()
                guard let key = string(), values[key] == nil, lists[key] == nil else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "[") {
                    guard let elements = elements() else { return nil }
                    lists[key] = elements
                } else {
                    guard let value = skipValue() else { return nil }
                    values[key] = value
                }
                skipSpace()
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "}")) else { return nil }
        }
        skipSpace()
        guard position == bytes.count, values.count == 2, lists.count == 3, let version = values["version"],
            let redirects = values["redirects"], let articles = lists["articles"], let entities = lists["entities"],
            let events = lists["events"]
        else { return nil }
        return SnapshotParts(version: version, redirects: redirects, articles: articles, entities: entities, events: events)
    }

    /// Moves past the array starting here and returns the ranges of its elements; nil when it
    /// does not close.
    private mutating func elements() -> [Range<Int>]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var elements: [Range<Int>] = []
        skipSpace()
        if take(UInt8(ascii: "]")) { return elements }
        repeat {
            skipSpace()
            guard let element = skipValue() else { return nil }
            elements.append(element)
            skipSpace()
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? elements : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func endsValue(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
    }

    /// A string without escapes (a key), or nil.
    private mutating func string() -> String? {
        let start = position
        guard skipString() else { return nil }
        let body = UnsafeRawBufferPointer(rebasing: bytes[(start + 1)..<(position - 1)])
        guard !body.contains(UInt8(ascii: "\\")) else { return nil }
        return String(decoding: body, as: UTF8.self)
    }

    /// Moves past a string starting here, escapes and all; false when there is none.
    private mutating func skipString() -> Bool {
        guard take(UInt8(ascii: "\"")) else { return false }
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\\"): position += 2
            case UInt8(ascii: "\""):
                position += 1
                return true
            default: position += 1
            }
        }
        return false
    }

    /// Moves past the value starting here and returns its range: a string, an object or an
    /// array (brackets counted, strings skipped), or a bare word or number up to the next
    /// delimiter. Nil when the brackets do not close.
    private mutating func skipValue() -> Range<Int>? {
        let start = position
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return skipString() ? start..<position : nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return nil }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        position += 1
                        return start..<position
                    }
                default: break
                }
                position += 1
            }
            return nil
        default:
            while position < bytes.count, !Self.isSpace(bytes[position]), !Self.endsValue(bytes[position]) { position += 1 }
            return position > start ? start..<position : nil
        }
    }
}
