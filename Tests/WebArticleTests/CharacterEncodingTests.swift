import Testing

@testable import WebArticle

@Suite("Character encodings")
struct CharacterEncodingTests {
    @Test func undeclaredUTF8IsNamed() {
        #expect(CharacterEncoding.sniff(Array("<p>Caf\u{00E9}</p>".utf8)) == "UTF-8")
    }

    @Test func declaredCharsetIsLeftToTheParser() {
        #expect(CharacterEncoding.sniff(Array(#"<meta charset="windows-1252"><p>x</p>"#.utf8)) == nil)
    }

    @Test func invalidUTF8IsLeftToTheParser() {
        #expect(CharacterEncoding.sniff([0x3C, 0x70, 0x3E, 0xE9, 0x3C]) == nil)
    }

    @Test func undeclaredUTF8PageKeepsItsAccents() throws {
        let html =
            "<html><body><p>Caf\u{00E9} cr\u{00E8}me, na\u{00EF}ve r\u{00E9}sum\u{00E9}s, and a long enough sentence to count.</p></body></html>"
        #expect(try #require(WebArticle.read(html: Array(html.utf8))).text.hasPrefix("Caf\u{00E9} cr\u{00E8}me"))
    }
}
