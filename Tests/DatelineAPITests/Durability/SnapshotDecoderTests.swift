import Foundation
import HTTPServer
import Locking
import NewsModel
import Testing

@testable import DatelineAPI

/// A snapshot decoded in runs across the cores is the snapshot decoded in one piece; a text
/// that is not a snapshot's object fails, or not, as it does in one piece.
@Suite struct SnapshotDecoderTests {
    /// Sixty events whose summaries and quotes hold what the cutting must step over: quotes,
    /// escapes, brackets and braces inside strings, and text beyond ASCII.
    static let contents: StoreContents = {
        let tricky = [#"He said "[{" and left"#, #"a \ backslash, ] and } in text"#, "Ağdam, 東京 and \u{1F4F0}", "plain"]
        let events = (0..<60).map { index in
            Event.make(
                "event-\(index)", .consult, "\(tricky[index % tricky.count]) \(index)",
                date: index % 5 == 0 ? nil : .on("2024-08-\(10 + index % 9)", phrase: "on day \(index)"),
                participants: [("vladimir-putin", .host), ("mahmoud-abbas", .guest)],
                source: (Fixtures.articles[0].id, index % 3, tricky[(index + 1) % tricky.count]))
        }.map { event in
            var event = event
            event.extractorVersion = "dateline-extract-\(event.date == nil ? 1 : 2).0"
            return event
        }
        return StoreContents(
            version: 42, articles: Fixtures.articles, entities: Fixtures.entities, events: events,
            redirects: ["old-putin": "vladimir-putin"])
    }()

    /// Where a string's bytes are: the same for two strings that share storage.
    static func storage(of text: String) -> UnsafeRawPointer? {
        var copy = text
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    static var written: Data {
        get throws { Data(try CompactJSONEncoder().encode(contents)) }
    }

    @Test(arguments: [1, 300, 4 << 20])
    func runsOfAnySizeDecodeWhatWasWritten(runBytes: Int) throws {
        #expect(try SnapshotDecoder.decode(Self.written, runBytes: runBytes) == Self.contents)
    }

    /// Every byte is said to be read once the structure is found, and each run's once decoded:
    /// the lists' elements, all of them, in runs that do not overlap.
    @Test func theBytesReadAreToldWholeThenRunByRun() throws {
        let text = try Self.written
        let told = Locked<[Range<Int>]>([])
        _ = try SnapshotDecoder.decode(text, runBytes: 300) { range in told.withLock { $0.append(range) } }
        let ranges = told.withLock { $0 }
        #expect(ranges.first == 0..<text.count)
        let parts = try #require(SnapshotDecoder.parts(of: text))
        let runs = ranges.dropFirst().sorted { $0.lowerBound < $1.lowerBound }
        #expect(runs.count > 3)
        for (run, next) in zip(runs, runs.dropFirst()) { #expect(run.upperBound <= next.lowerBound) }
        for element in parts.articles + parts.entities + parts.events {
            #expect(runs.contains { $0.contains(element.lowerBound) && $0.upperBound >= element.upperBound })
        }
    }

    /// Decoded events hold one copy of what they repeat: the ids of the articles they cite, and
    /// the quotes and extractor versions of earlier events in their run.
    @Test func eventsShareTheTextTheyRepeat() throws {
        let decoded = try SnapshotDecoder.decode(Self.written)
        let article = try #require(decoded.articles.first)
        let (second, tenth) = (decoded.events[1], decoded.events[9])
        #expect(second.sources[0].quote == tenth.sources[0].quote && second.sources[0].quote.utf8.count > 15)
        #expect(Self.storage(of: second.sources[0].quote) == Self.storage(of: tenth.sources[0].quote))
        #expect(Self.storage(of: second.sources[0].articleId) == Self.storage(of: article.id))
        #expect(Self.storage(of: tenth.extractorVersion!) == Self.storage(of: second.extractorVersion!))
    }

    /// An article's list of mentions takes the room its mentions need, not what it grew into
    /// while it was read.
    @Test func articlesHoldNoRoomToSpare() throws {
        var article = Fixtures.articles[0]
        article.mentions = Array(repeating: article.mentions[0], count: 33)
        var contents = Self.contents
        contents.articles = [article]
        let decoded = try SnapshotDecoder.decode(Data(try CompactJSONEncoder().encode(contents)))
        #expect(decoded.articles == [article])
        #expect(decoded.articles[0].mentions.capacity < 35)
    }

    /// The text is cut where its elements begin and end.
    @Test func eachElementIsFoundWhole() throws {
        let text = try Self.written
        let parts = try #require(SnapshotDecoder.parts(of: text))
        #expect(parts.events.count == Self.contents.events.count)
        #expect(parts.articles.count == Self.contents.articles.count && parts.entities.count == Self.contents.entities.count)
        for (range, event) in zip(parts.events, Self.contents.events) {
            #expect(try JSONDecoder().decode(Event.self, from: text[range]) == event)
        }
        #expect(try JSONDecoder().decode(UInt64.self, from: text[parts.version]) == 42)
        #expect(try JSONDecoder().decode([String: String].self, from: text[parts.redirects]) == Self.contents.redirects)
    }

    @Test func spacingAndKeyOrderDoNotMatter() throws {
        let pretty = JSONEncoder()
        pretty.outputFormatting = [.prettyPrinted]
        let text = try pretty.encode(Self.contents)
        #expect(SnapshotDecoder.parts(of: text) != nil)
        #expect(try SnapshotDecoder.decode(text, runBytes: 300) == Self.contents)
        let reordered =
            try #require(String(data: try Self.written, encoding: .utf8)).replacingOccurrences(
                of: #"{"version":42,"#, with: #"{"#
            ).dropLast() + #","version":42}"#
        #expect(try SnapshotDecoder.decode(Data(reordered.utf8), runBytes: 300) == Self.contents)
    }

    @Test func aSliceDecodesFromItsOwnStart() throws {
        let padded = Data("   ".utf8) + (try Self.written)
        #expect(try SnapshotDecoder.decode(padded.dropFirst(3), runBytes: 300) == Self.contents)
    }

    /// Whatever is not exactly a snapshot's object goes to the decoder in one piece.
    @Test func otherTextsFareAsInOnePiece() throws {
        let text = try #require(String(data: try Self.written, encoding: .utf8))
        let extraKey = Data(("{\"note\":[1,2]," + text.dropFirst()).utf8)
        #expect(SnapshotDecoder.parts(of: extraKey) == nil)
        #expect(try SnapshotDecoder.decode(extraKey, runBytes: 300) == Self.contents)
        for broken in [
            String(text.dropLast()), String(text.prefix(text.count / 2)), text.replacingOccurrences(of: #""redirects""#, with: #""other""#),
            "[]", "",
        ] {
            #expect(SnapshotDecoder.parts(of: Data(broken.utf8)) == nil, "\(broken.prefix(40))")
            #expect(throws: (any Error).self, "\(broken.prefix(40))") { try SnapshotDecoder.decode(Data(broken.utf8), runBytes: 300) }
        }
        // Cut as usual; the run holding the bad element fails.
        let badElement = Data(text.replacingOccurrences(of: #""events":["#, with: #""events":[1,"#).utf8)
        #expect(SnapshotDecoder.parts(of: badElement)?.events.count == Self.contents.events.count + 1)
        #expect(throws: DecodingError.self) { try SnapshotDecoder.decode(badElement, runBytes: 300) }
    }
}
