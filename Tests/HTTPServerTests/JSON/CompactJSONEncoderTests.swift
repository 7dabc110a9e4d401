import Foundation
import HTTPServer
import Hashing
import Testing

/// `CompactJSONEncoder` against Foundation's `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]`: the same bytes for the same values, and the same errors.
@Suite struct CompactJSONEncoderTests {
    private typealias Fixtures = EncodingFixtures

    private static func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// Expects the bytes of both encoders to be equal (as bytes: strings would compare
    /// canonically equivalent text as equal).
    private func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try Self.foundation(value)
        let actual = try CompactJSONEncoder().encode(value)
        if actual != expected {
            Issue.record(
                "compact: \(String(decoding: actual, as: UTF8.self))\nFoundation: \(String(decoding: expected, as: UTF8.self))",
                sourceLocation: sourceLocation)
        }
    }

    private func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try CompactJSONEncoder().encode(value), as: UTF8.self)
    }

    // MARK: Keys

    @Test func keysAreSortedByTheirUTF8Bytes() throws {
        let keys = [
            "b", "B", "a", "A", "_", "1", "10", "2", "é", "e", "z", "Z", "aa", "a_b", "aB", "ä", "😀", "ｚ", "", "~", "\u{7F}",
            "a\"", "a#", "a\u{1}", "a\\", "a]", "a\n", "a\t", "ǅ", "e\u{301}x", "/", "a/b",
        ]
        let value = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, $0.offset) })
        try expectSame(value)
        #expect(try text(["b": 1, "B": 2, "_": 3, "10": 4, "2": 5, "é": 6]) == #"{"10":4,"2":5,"B":2,"_":3,"b":1,"é":6}"#)
    }

    @Test func aKeyWrittenTwiceKeepsItsLastValue() throws {
        try expectSame(Fixtures.Twice())
        #expect(try text(Fixtures.Twice()) == #"{"a":["second"],"b":2}"#)
    }

    // MARK: Numbers

    @Test(arguments: JSONValue.notableDoubles)
    func doublesAreWrittenAsFoundationWritesThem(value: Double) throws {
        try expectSame(value)
        try expectSame([value])
        try expectSame(["k": value])
        try expectSame(Fixtures.Wrapper(wrapped: value))
        try expectSame(-value)
    }

    @Test func doublesHaveNoTrailingFraction() throws {
        #expect(try text([3.0, -0.0, 0.1, 1e21, 1e-7, 1e16, 1e15, 2.5]) == "[3,-0,0.1,1e+21,1e-07,1e+16,1000000000000000,2.5]")
    }

    @Test func randomDoublesAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 1)
        for _ in 0..<200 {
            let values = (0..<100).map { _ in JSONValue.randomDouble(using: &generator) }
            try expectSame(values)
            try expectSame(values.map { Fixtures.Wrapper(wrapped: $0) })
        }
    }

    @Test func floatsAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 2)
        var values: [Float] = [0, -0.0, 1, 3, 0.1, 1.0 / 3, 1e7, 1e8, 16_777_216, 16_777_218, 1e-7, 1e21, .greatestFiniteMagnitude]
        values += values.map { -$0 }
        while values.count < 5_000 {
            let value = Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()))
            if value.isFinite { values.append(value) }
        }
        try expectSame(values)
        try expectSame(values.map { Fixtures.Wrapper(wrapped: $0) })
    }

    @Test func integersOfEveryWidthAreWrittenInDecimal() throws {
        try expectSame(Fixtures.Numbers())
        try expectSame(
            Fixtures.Numbers(
                int: .max, int8: .max, int16: .max, int32: .max, int64: .max, int128: .max, uint: 0, uint8: 0, uint16: 0, uint32: 0,
                uint64: 0, uint128: 0, float: -0.0, double: -0.0))
        var generator = SplitMix64(seed: 3)
        let values = (0..<2_000).map { _ in Int.random(in: .min ... .max, using: &generator) >> Int.random(in: 0...63, using: &generator) }
        try expectSame(values)
        try expectSame(values.map { Fixtures.Wrapper(wrapped: $0) })
        try expectSame(values.map { Int32(truncatingIfNeeded: $0) })
    }

    // MARK: Strings

    @Test func stringsAreEscapedAsFoundationEscapesThem() throws {
        let everyASCII = String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) }))
        try expectSame(everyASCII)
        for scalar in (0..<0x80).map({ Unicode.Scalar(UInt8($0)) }) + ["\u{2028}", "\u{2029}", "\u{FEFF}", "é", "😀"] {
            try expectSame(String(scalar))
            try expectSame([String(scalar): String(scalar)])
        }
        for special in ["\u{0}", "\u{1F}", "\"", "\\", " ", "\u{7F}", "é", "\u{2028}"] {
            for position in 0..<20 {
                try expectSame(String(repeating: "a", count: position) + special + String(repeating: "b", count: 19 - position))
            }
        }
        #expect(try text("a\"b\\c/d\u{8}\u{C}\n\r\t\u{1}\u{1F}\u{7F}\u{2028}") == #""a\"b\\c/d\b\f\n\r\t\u0001\u001f\#u{7F}\#u{2028}""#)
    }

    @Test func randomStringsAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 4)
        for _ in 0..<500 {
            let strings = (0..<8).map { _ in JSONValue.randomString(using: &generator) }
            try expectSame(strings)
            try expectSame(Dictionary(strings.map { ($0, $0) }, uniquingKeysWith: { _, last in last }))
        }
    }

    @Test func longStringsWithEscapesHereAndThereAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<500 {
            let strings = (0..<8).map { _ in JSONValue.randomString(maxLength: 60, using: &generator) }
            try expectSame(strings)
            try expectSame(Dictionary(strings.map { ($0, $0) }, uniquingKeysWith: { _, last in last }))
        }
    }

    // MARK: Containers

    @Test func nilIsWrittenOnlyWhereEncodeNilWritesIt() throws {
        try expectSame(Fixtures.Nils())
        #expect(try text(Fixtures.Nils()) == #"{"list":[null],"present":1,"written":null}"#)
        try expectSame([Int?.none, 1])
        try expectSame(Int?.none)
    }

    @Test func emptyContainersAndEmptyValues() throws {
        try expectSame([Int]())
        try expectSame([String: Int]())
        try expectSame([[Int]]())
        try expectSame(Fixtures.EmptyObject())
        try expectSame([Fixtures.Nothing()])
        try expectSame(["k": Fixtures.Nothing()])
        try expectSame(Fixtures.Wrapper(wrapped: Fixtures.Nothing()))
        #expect(try text(["k": Fixtures.Nothing()]) == #"{"k":{}}"#)
    }

    @Test func aTopLevelValueThatEncodesNothingThrows() {
        #expect(throws: EncodingError.self) { try Self.foundation(Fixtures.Nothing()) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(Fixtures.Nothing()) }
    }

    @Test func nestedContainersAndSuperEncoders() throws {
        try expectSame(Fixtures.Nested())
        try expectSame(Fixtures.ArraySuper())
        try expectSame(Fixtures.Derived())
        try expectSame(
            [Fixtures.Shape.circle(radius: 1), .square(2.5), .point, .labelled("x/y", count: 3)])
        #expect(try text(Fixtures.Nested()) == #"{"a":[1,[3],2,{"a":true},{}],"b":{"a":3,"b":4,"c":2},"c":1}"#)
    }

    @Test func dictionariesWithOtherKeys() throws {
        try expectSame([1: "a", 10: "b", 2: "c", -1: "d"])
        try expectSame([Fixtures.Level.low: 1, .high: 2])
        try expectSame([Fixtures.Color.red: [1.5], .darkBlue: []])
    }

    @Test func randomRecordsAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 5)
        for _ in 0..<300 {
            try expectSame(Fixtures.Record.random(depth: 2, using: &generator))
        }
    }

    @Test func randomDocumentsAreWrittenAsFoundationWritesThem() throws {
        var generator = SplitMix64(seed: 6)
        for _ in 0..<1_000 {
            let document = JSONValue.random(depth: 5, using: &generator)
            try expectSame(document)
            try expectSame(["document": document, "list": [document, document]])
        }
    }

    @Test func datesAreWrittenAsFoundationWritesThemByDefault() throws {
        let dates = [
            Date(timeIntervalSinceReferenceDate: 0), Date(timeIntervalSinceReferenceDate: 1.5), Date(timeIntervalSince1970: 1_723_500_000),
        ]
        try expectSame(dates)
        try expectSame(["at": dates[1]])
    }

    // MARK: Errors

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteDoublesThrowAsFoundationThrows(value: Double) throws {
        try expectSameError(value)
        try expectSameError([1, value])
        try expectSameError(["a": ["b": value]])
        try expectSameError([Fixtures.Wrapper(wrapped: ["k": value])])
        try expectSameError(JSONValue.array([.number(1), .object(["x": .number(value)])]))
        try expectSameError([Float(value)])
        try expectSameError(["k": Float(value)])
    }

    @Test func aCaughtErrorLeavesNoTrace() throws {
        try expectSame(Fixtures.Recovering())
        #expect(try text(Fixtures.Recovering()) == #"{"a":[3],"b":2,"c":1}"#)
    }

    @Test func appendingKeepsTheBytesBeforeAndLeavesThemAloneOnError() throws {
        var bytes = Array("x".utf8)
        try CompactJSONEncoder().encode(["a": 1], appendingTo: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"x{"a":1}"#)
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(["b": [1, .nan]], appendingTo: &bytes) }
        #expect(String(decoding: bytes, as: UTF8.self) == #"x{"a":1}"#)
    }

    @Test func containersNestedTooDeeplyThrowAsFoundationThrows() throws {
        try expectSame(Fixtures.Deep(depth: 511, leaf: 1))
        try expectSameError(Fixtures.Deep(depth: 512, leaf: 1))
        let object: JSONValue = (1..<511).reduce(["k": 1]) { inner, level in level.isMultiple(of: 2) ? .array([inner]) : ["k": inner] }
        try expectSame(object)
        try expectSameError(JSONValue.array([object]))
        // Arrays of strings and numbers, written at once, count too.
        try expectSame(Fixtures.Deep(depth: 510, leaf: [1, 2]))
        try expectSameError(Fixtures.Deep(depth: 511, leaf: [1, 2]))
        try expectSameError(Fixtures.Deep(depth: 511, leaf: ["a"]))
        try expectSameError(Fixtures.Deep(depth: 511, leaf: [0.5]))
        try expectSameError(Fixtures.Deep(depth: 511, leaf: [true]))
    }

    /// Expects both encoders to throw `EncodingError.invalidValue` with the same description at
    /// the same coding path.
    private func expectSameError<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try #require(throws: EncodingError.self, sourceLocation: sourceLocation) { try Self.foundation(value) }
        let actual = try #require(throws: EncodingError.self, sourceLocation: sourceLocation) { try CompactJSONEncoder().encode(value) }
        guard case .invalidValue(_, let expectedContext) = expected, case .invalidValue(_, let actualContext) = actual else {
            Issue.record("expected invalidValue errors, got \(expected) and \(actual)", sourceLocation: sourceLocation)
            return
        }
        #expect(actualContext.debugDescription == expectedContext.debugDescription, sourceLocation: sourceLocation)
        #expect(
            actualContext.codingPath.map(\.stringValue) == expectedContext.codingPath.map(\.stringValue), sourceLocation: sourceLocation)
    }
}
