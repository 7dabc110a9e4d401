import Testing

@testable import HTTPServer

@Suite struct PercentDecodingTests {
    @Test(arguments: [
        ("plain", false, "plain"),
        ("a%20b", false, "a b"),
        ("a+b", false, "a+b"),
        ("a+b", true, "a b"),
        ("%E2%82%ac", false, "€"),
        ("%41%2b", true, "A+"),
        ("", false, ""),
    ])
    func decodes(input: String, plusAsSpace: Bool, expected: String) {
        #expect(RequestParser.PercentDecoding.decode(ArraySlice(input.utf8), plusAsSpace: plusAsSpace) == expected)
    }

    @Test(arguments: ["%", "%4", "a%g1", "%C3%28", "%FF", "%ED%A0%80"])
    func rejectsInvalidEncodingOrUTF8(input: String) {
        #expect(RequestParser.PercentDecoding.decode(ArraySlice(input.utf8)) == nil)
    }
}
