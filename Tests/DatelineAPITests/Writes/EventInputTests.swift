import Foundation
import HTTPServer
import Hashing
import NewsModel
import Testing

@testable import DatelineAPI

/// An event body read from its tree (as a merge patch gives it) and from its document's bytes (as
/// POST and PUT read it): the same event, or the same errors in the same order, for seeded
/// variations of a valid body.
@Suite struct EventInputTests {
    static let snapshot = Fixtures.store().snapshot

    /// The body the application's event tests post.
    static let meeting = JSONParser.parse(Array(try! JSONSerialization.data(withJSONObject: EventWriteRoutesTests.meeting)))!

    /// What a member may be changed to: every kind, and values some fields take.
    static let replacements: [JSONValue?] = [
        nil, .null, true, 1.5, -3, 0, 1e300, "", "  ", "x", "moscow", "host", "2024-06-30", "2024-W07", "occurred",
        .string(String(repeating: "é", count: 2_100)), [], [:], ["x"], ["a": 1],
    ]

    /// The event `read` gives, or its error, as text to compare.
    private static func outcome(_ read: () throws(HTTPError) -> Event) -> String {
        do {
            return String(decoding: try CompactJSONEncoder().encode(try read()), as: UTF8.self)
        } catch let error as HTTPError {
            return "\(error.status.code) \(error.detail ?? "") "
                + String(decoding: JSONWriter.bytes(.object(error.extensions)), as: UTF8.self)
        } catch {
            return "\(error)"
        }
    }

    private static func readBothWays(_ bytes: [UInt8], pathID: String?) throws -> (tree: String, bytes: String) {
        let tree = try #require(JSONParser.parse(bytes))
        let document = try #require(JSONDocument(bytes))
        return (
            outcome { () throws(HTTPError) in try EventInput.read(tree, pathID: pathID, in: snapshot) },
            outcome { () throws(HTTPError) in try EventInput.read(document.root, pathID: pathID, in: snapshot) }
        )
    }

    @Test func readsEveryVariationAsItsTreeDoes() throws {
        var random = SplitMix64(seed: 15)
        var (read, refused) = (0, 0)
        for round in 0..<800 {
            var body = Self.meeting
            for _ in 0..<random.int(3) { body = Self.vary(body, &random) }
            let pathID = round % 4 == 0 ? "chosen-id" : nil
            let (tree, bytes) = try Self.readBothWays(JSONWriter.bytes(body), pathID: pathID)
            #expect(tree == bytes, "\(String(decoding: JSONWriter.bytes(body), as: UTF8.self))")
            if tree.hasPrefix("{") { read += 1 } else { refused += 1 }
        }
        // Both outcomes are compared often.
        #expect(read > 200 && refused > 200, "\(read) read, \(refused) refused")
    }

    @Test(arguments: [
        // A repeated name: the first member is the one read.
        #"{"type": "statement", "#,
        #"{"extra": 1, "extra": 2, "#,
        // An escaped name reads as its text.
        #"{"\u0073aid": "We will meet again.", "#,
    ])
    func readsRepeatedAndEscapedNamesAsItsTreeDoes(_ head: String) throws {
        let body = head + String(decoding: JSONWriter.bytes(Self.meeting).dropFirst(), as: UTF8.self)
        let (tree, bytes) = try Self.readBothWays(Array(body.utf8), pathID: nil)
        #expect(tree == bytes)
    }

    /// The body with one member changed, removed or added, at the top or in a nested object.
    private static func vary(_ body: JSONValue, _ random: inout SplitMix64) -> JSONValue {
        guard case .object(var members) = body else { return body }
        let replacement = replacements[random.int(replacements.count)]
        switch random.int(6) {
        case 0:
            let names = EventInput.fields.sorted() + ["unknown"]
            members[names[random.int(names.count)]] = replacement
        case 1:
            members["date"] = vary(member: members["date"], EventDateInput.fields.sorted(), replacement, &random)
        case 2, 3, 4:
            let (list, fields) = [
                ("participants", EventInput.participantFields), ("sources", EventInput.sourceFields),
                ("figures", EventInput.figureFields),
            ][random.int(3)]
            guard case .array(var items)? = members[list], !items.isEmpty else { break }
            let index = random.int(items.count)
            if random.int(4) == 0 {
                items.append(items[index])
            } else {
                items[index] = vary(member: items[index], fields.sorted() + ["unknown"], replacement, &random) ?? .null
            }
            members[list] = .array(items)
        default:
            members["participants"] = replacement
        }
        return .object(members)
    }

    private static func vary(member: JSONValue?, _ names: [String], _ replacement: JSONValue?, _ random: inout SplitMix64) -> JSONValue? {
        guard case .object(var members)? = member else { return member }
        members[names[random.int(names.count)]] = replacement
        return .object(members)
    }
}
