import Foundation
import HTTPServer
import Testing

@Suite struct JSONWriterTests {
    private func text(_ value: JSONValue) -> String {
        String(decoding: JSONWriter.bytes(value), as: UTF8.self)
    }

    @Test func objectsAreWrittenWithSortedKeys() {
        let value: JSONValue = ["b": [1, 2.5, true, nil], "a": ["z": "x", "y": false]]
        #expect(text(value) == #"{"a":{"y":false,"z":"x"},"b":[1,2.5,true,null]}"#)
    }

    @Test func orderedObjectsKeepTheirOrder() {
        var out: [UInt8] = []
        JSONWriter.appendObject([("type", "about:blank"), ("status", .int(404))], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #"{"type":"about:blank","status":404}"#)
    }

    @Test(arguments: [
        (3.0, "3"), (-0.5, "-0.5"), (1e20, "1e+20"), (0.1, "0.1"), (Double.infinity, "null"), (Double.nan, "null"),
    ])
    func numbers(value: Double, expected: String) {
        #expect(text(.number(value)) == expected)
    }

    @Test func stringsAreEscaped() {
        #expect(text("a\"b\\c\nd\te\u{1}f é") == #""a\"b\\c\nd\te\u0001f é""#)
    }

    @Test func codableRoundTripsAndWritesWholeNumbersWithoutAFraction() throws {
        let value: JSONValue = ["count": 3, "ratio": 0.25, "tags": ["x"], "none": nil]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let encoded = try encoder.encode(value)
        #expect(String(decoding: encoded, as: UTF8.self) == text(value))
        #expect(try JSONDecoder().decode(JSONValue.self, from: encoded) == value)
    }

    @Test func mergingObjectsLetsTheOtherWin() {
        let merged = JSONValue(dictionaryLiteral: ("a", 1), ("b", 2)).merging(["b": 3, "c": 4])
        #expect(merged == ["a": 1, "b": 3, "c": 4])
        #expect(JSONValue.string("x").merging(5) == 5)
    }
}
