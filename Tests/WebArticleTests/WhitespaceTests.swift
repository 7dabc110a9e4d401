import Testing

@testable import WebArticle

@Suite("Whitespace")
struct WhitespaceTests {
    @Test(arguments: [
        ("  a \n\t b  ", "a b"), ("a\u{00A0}\u{00A0}b", "a b"), ("\u{200B}x\u{FEFF}", "x"), ("a\u{3000}\u{2028}b\u{202F}c", "a b c"),
        ("caf\u{00E9} \u{1F600}", "caf\u{00E9} \u{1F600}"), ("", ""), (" \n ", ""),
    ])
    func normalized(text: String, expected: String) {
        #expect(Whitespace.normalize(text) == expected)
        #expect(Whitespace.normalizedLength(text) == expected.unicodeScalars.count)
    }
}
