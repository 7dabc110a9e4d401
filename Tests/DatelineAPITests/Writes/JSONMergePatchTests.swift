import Foundation
import HTTPServer
import Testing

@testable import DatelineAPI

/// RFC 7396's own examples (appendix A), each a target, a patch and the result.
@Suite struct JSONMergePatchTests {
    static let cases: [(target: String, patch: String, result: String)] = [
        (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
        (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
        (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
        (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
        (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
        (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
        (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
        (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
        (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
        (#"{"a":"foo"}"#, "null", "null"),
        (#"{"a":"foo"}"#, #""bar""#, #""bar""#),
        (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
        (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
        (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
    ]

    @Test(arguments: cases)
    func appliesAsTheRFCSays(_ example: (target: String, patch: String, result: String)) throws {
        let target = try #require(JSONValue.parse(Array(example.target.utf8)))
        let patch = try #require(JSONValue.parse(Array(example.patch.utf8)))
        let expected = try #require(JSONValue.parse(Array(example.result.utf8)))
        #expect(JSONMergePatch.apply(patch, to: target) == expected)
    }

    @Test func booleansAndNumbersStayApart() throws {
        #expect(JSONValue.parse(Array("true".utf8)) == .bool(true))
        #expect(JSONValue.parse(Array("1".utf8)) == .number(1))
        #expect(JSONValue.parse(Array("{\"a\":".utf8)) == nil)
        #expect(JSONValue.parse(Array("[1,]".utf8)) == nil)
        #expect(JSONValue.parse(Array("{\"a\":1 , }".utf8)) == nil)
        #expect(JSONValue.parse(Array("[\",]\", \"\\\",}\"]".utf8)) == .array([.string(",]"), .string("\",}")]))
    }
}
