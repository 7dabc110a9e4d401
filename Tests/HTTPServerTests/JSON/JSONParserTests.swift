import HTTPServer
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String) -> JSONValue? {
        JSONParser.parse(Array(text.utf8))
    }

    static let kinds: [(String, JSONValue)] = [
        ("null", .null), ("true", true), ("false", false), ("0", 0), (#""x""#, "x"), ("[]", []), ("{}", [:]),
        (" \t\r\n[ 1 , \"a\" , null ]\n", [1, "a", nil]), (#"{ "a" : { "b" : [ true , { } ] } }"#, ["a": ["b": [true, [:]]]]),
        (#"[[],[[]],{"":{}}]"#, [[], [[]], ["": [:]]]), (#"{"b":2,"a":1}"#, ["a": 1, "b": 2]),
    ]

    @Test(arguments: kinds)
    func readsEveryKindOfValue(text: String, expected: JSONValue) {
        #expect(parse(text) == expected)
    }

    @Test func readsAWriteBody() {
        let body = #"""
            {"type":"consult","date":{"value":"2024-08-13"},"summary":"Vladimir Putin hosted Mahmoud Abbas.",
             "participants":[{"entityId":"vladimir-putin","role":"host"},{"entityId":"mahmoud-abbas","role":"guest"}],
             "confidence":0.85,"draft":false,"location":null}
            """#
        let expected: JSONValue = [
            "type": "consult", "date": ["value": "2024-08-13"], "summary": "Vladimir Putin hosted Mahmoud Abbas.",
            "participants": [["entityId": "vladimir-putin", "role": "host"], ["entityId": "mahmoud-abbas", "role": "guest"]],
            "confidence": 0.85, "draft": false, "location": nil,
        ]
        #expect(parse(body) == expected)
    }

    @Test(arguments: [
        ("0", 0.0), ("-1", -1), ("42", 42), ("123456789012345", 123_456_789_012_345), ("9007199254740993", 9_007_199_254_740_992),
        ("12345678901234567890", 1.2345678901234567e19), ("0.1", 0.1), ("-2.5", -2.5), ("1e3", 1000), ("1E+3", 1000),
        ("1e-3", 0.001), ("-1.5E-3", -0.0015), ("0e0", 0), ("0.0e400", 0), ("1.7976931348623157e308", .greatestFiniteMagnitude),
        ("5e-324", .leastNonzeroMagnitude), ("1e-310", 1e-310), ("0.1000000000000000055511151231257827021181583404541015625", 0.1),
        ("2.2250738585072011e-308", 2.2250738585072011e-308),
        // JSONDecoder refuses these (but not `0e10` or `0.0e12`); RFC 8259 allows them.
        ("0e1", 0), ("0E9", 0), ("0.00e12", 0), ("-0.0e10", -0.0),
    ])
    func readsNumbersAsDoubleReadsTheirText(text: String, expected: Double) {
        #expect(parse(text) == .number(expected))
        #expect(parse(text) == Double(text).map(JSONValue.number))
    }

    @Test func negativeZeroKeepsItsSign() throws {
        for text in ["-0", "-0.0", "-0e5"] {
            guard case .number(let value) = try #require(parse(text)) else {
                Issue.record("\(text) is not a number")
                continue
            }
            #expect(value == 0 && value.sign == .minus)
        }
    }

    /// Beyond `Double`'s range, as `JSONDecoder` answers: infinity and a zero from non-zero digits.
    @Test(arguments: ["1e400", "-1e400", "1.7976931348623159e308", "1e-400", "-2e-324", "123e-500"])
    func refusesNumbersOutOfRange(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func readsEveryEscape() {
        #expect(parse(#""\" \\ \/ \b \f \n \r \t""#) == .string("\" \\ / \u{8} \u{C} \n \r \t"))
        #expect(parse(#""\u0041\u00e9\u00E9\u4e2d\u0000""#) == .string("Aéé中\u{0}"))
        #expect(parse(#""plain \u0041 then plain""#) == .string("plain A then plain"))
    }

    @Test func readsSurrogatePairsAndRefusesLoneSurrogates() {
        #expect(parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(parse(#""\uD834\uDD1E!""#) == .string("𝄞!"))
        for lone in [#""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800x""#, #""\ud83d\ud83d""#, #""\ude00\ud83d""#] {
            #expect(parse(lone) == nil, "\(lone)")
        }
    }

    @Test func readsUTF8AsItIs() {
        #expect(parse(#"{"clé":"中文 😀 \u00e9"}"#) == ["clé": "中文 😀 é"])
    }

    /// Whether or not escapes are present: lone continuation, overlong, encoded surrogate,
    /// truncated sequence, bytes that never occur; and any non-ASCII byte outside a string.
    @Test(arguments: [
        [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80],
    ])
    func refusesInvalidUTF8(_ bad: [UInt8]) {
        #expect(JSONParser.parse(Array(#"[""#.utf8) + bad + Array(#""]"#.utf8)) == nil)
        #expect(JSONParser.parse(Array(#"["\n"#.utf8) + bad + Array(#""]"#.utf8)) == nil)
        #expect(JSONParser.parse(Array(#"["x"#.utf8) + bad + Array(#"\n"]"#.utf8)) == nil)
        #expect(JSONParser.parse(Array("[1]".utf8) + bad) == nil)
    }

    /// RFC 8259 §8.1 lets a parser ignore a byte order mark; one is skipped, once, at the start.
    @Test func skipsOneLeadingByteOrderMark() {
        let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(JSONParser.parse(mark + Array(#"{"a":1}"#.utf8)) == ["a": 1])
        #expect(JSONParser.parse(mark + mark + Array("1".utf8)) == nil)
        #expect(JSONParser.parse(Array(" ".utf8) + mark + Array("1".utf8)) == nil)
        #expect(JSONParser.parse(mark) == nil)
    }

    @Test func theFirstOfRepeatedKeysWins() {
        #expect(parse(#"{"a":1,"b":2,"a":3}"#) == ["a": 1, "b": 2])
        #expect(parse(#"{"a":{"x":1},"a":"later"}"#) == ["a": ["x": 1]])
    }

    @Test func nestingIsLimited() {
        func nested(_ depth: Int, open: String = "[", close: String = "]") -> String {
            String(repeating: open, count: depth) + "0" + String(repeating: close, count: depth)
        }
        #expect(JSONParser.maximumDepth == 512)
        #expect(parse(nested(512)) != nil)
        #expect(parse(nested(513)) == nil)
        #expect(parse(nested(512, open: #"{"a":"#, close: "}")) != nil)
        #expect(parse(nested(513, open: #"{"a":"#, close: "}")) == nil)
        #expect(parse(String(repeating: "[", count: 1_000_000)) == nil)
        #expect(parse(nested(100_000, open: #"[{"a":"#, close: "}]")) == nil)
    }

    @Test func readsAnyCollectionOfBytes() {
        let bytes = Array(#"{"a":[1,"b"]}"#.utf8)
        #expect(JSONParser.parse(bytes.lazy.map { $0 }) == ["a": [1, "b"]])
        #expect(JSONParser.parse(bytes[5..<12]) == [1, "b"])
        #expect(JSONParser.parse(#"{"a":[1,"b"]}"#.utf8) == ["a": [1, "b"]])
    }

    /// Malformed documents, after JSONTestSuite's `n_` cases.
    static let malformed: [String] = [
        "", " ", "\n", "[", "]", "{", "}", "[1,]", "[1,,2]", "[,1]", "[,]", #"{"a":1,}"#, #"{,}"#, #"{"a" 1}"#, #"{"a"::1}"#,
        #"{"a"}"#, #"{"a":}"#, "{1:1}", "{a:1}", "{'a':1}", #"{"a":1 "b":2}"#, "[1 2]", "[1:2]", #"["a"}"#, #"{"a":1]"#,
        "[01]", "01", "-01", "00", "+1", ".5", "1.", "1.e5", "1e", "1e+", "1E-", "-", "--1", "[-]", "1.5.3", "0x10", "1_000",
        "NaN", "-NaN", "Infinity", "-Infinity", "tru", "nul", "fals", "True", "NULL", "truex", "[true false]",
        #""abc"#, #"""#, #""\""#, "\"a\tb\"", "\"a\nb\"", "\"\u{1}\"", "\"\u{1F}\"", #"["\x"]"#, #""\a""#, #""\U0041""#,
        #""\u00""#, #""\u00G0""#, #""\u123""#, #""\"#, "'a'", "[1] x", "[1]]", "1 2", #""a" "b""#, "{}{}", "[]\u{0}",
        "/* c */ 1", "1 // c", "[1]#", "\u{C}1", "1\u{B}", "\u{A0}1", "[\u{A0}]", "\u{FEFF}\u{FEFF}1", "[1,\n]", "[\"a\",\n]",
    ]

    @Test(arguments: malformed)
    func refusesMalformedDocuments(text: String) {
        #expect(parse(text) == nil)
    }
}
