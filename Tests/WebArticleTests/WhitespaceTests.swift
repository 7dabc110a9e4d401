import Testing

@testable import WebArticle

@Suite("Whitespace")
struct WhitespaceTests {
    @Test(arguments: [
        ("  a \n\t b  ", "a b"), ("a\u{00A0}\u{00A0}b", "a b"), ("\u{200B}x\u{FEFF}", "x"), ("", ""), (" \n ", ""),
    ])
    func normalized(text: String, expected: String) {
        #expect(Whitespace.normalize(text) == expected)
    }
}
