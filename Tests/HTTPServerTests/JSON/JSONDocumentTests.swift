import HTTPServer
import Testing

/// Values read from a document's bytes as asked for: each kind, members found by name (the first
/// of a repeated name), and every document read the way ``JSONParser`` makes its tree.
@Suite struct JSONDocumentTests {
    private func document(_ text: String) throws -> JSONDocument {
        try #require(JSONDocument(Array(text.utf8)))
    }

    @Test func readsEachKindOfValue() throws {
        let root = try document(#" [null, true, false, -1.5e2, "a\"b", "plain", [], {}] "#).root
        let items = try #require(root.items)
        #expect(items.count == 8)
        #expect(items[0].isNull && !items[1].isNull)
        #expect(items[1].bool == true && items[2].bool == false && items[0].bool == nil)
        #expect(items[3].number == -150 && items[4].number == nil)
        #expect(items[4].string == "a\"b" && items[5].string == "plain" && items[3].string == nil)
        #expect(items[6].items?.isEmpty == true && items[7].members?.count == 0)
        #expect(root.members == nil && items[7].items == nil)
        for item in items { #expect(item.kindDescription == item.value.kindDescription) }
    }

    @Test func findsTheFirstMemberOfARepeatedNameEscapedOrNot() throws {
        let members = try #require(try document(#"{"a": 1, "\u0061": 2, "b": {"c": [true]}, "é\n": 3}"#).root.members)
        #expect(members.count == 4)
        #expect(members["a"]?.number == 1)
        #expect(members["b"]?.members?["c"]?.items?.first?.bool == true)
        #expect(members["é\n"]?.number == 3)
        #expect(members["c"] == nil && members[""] == nil)
        var names: [String] = []
        members.forEach { name, _ in names.append(name) }
        #expect(names == ["a", "a", "b", "é\n"])
    }

    @Test(arguments: ["", " ", "[1,]", "{\"a\" 1}", "[1] [2]", "\"\\x\"", "01", "{\"a\":1,}", "nul"])
    func refusesWhatTheParserRefuses(_ text: String) {
        #expect(JSONDocument(Array(text.utf8)) == nil)
        #expect(JSONParser.parse(Array(text.utf8)) == nil)
    }

    /// Seeded random documents walked by name and position agree with the parser's trees.
    @Test func walksAsTheParsersTreeReads() throws {
        var writer = RandomDocument(seed: 7, repeatingKeys: true)
        for _ in 0..<300 {
            let bytes = Array(writer.document().utf8)
            let tree = try #require(JSONParser.parse(bytes))
            #expect(Self.agrees(try #require(JSONDocument(bytes)).root, tree))
        }
    }

    private static func agrees(_ value: JSONDocument.Value, _ tree: JSONValue) -> Bool {
        switch tree {
        case .null: return value.isNull
        case .bool(let flag): return value.bool == flag
        case .number(let number): return value.number == number
        case .string(let text): return value.string == text
        case .array(let elements):
            guard let items = value.items, items.count == elements.count else { return false }
            return zip(items, elements).allSatisfy { agrees($0, $1) }
        case .object(let members):
            guard let found = value.members, found.count >= members.count else { return false }
            return members.allSatisfy { name, member in found[name].map { agrees($0, member) } ?? false }
        }
    }
}
