import Testing

@testable import NewsModel

@Suite struct PageCursorTests {
    @Test(arguments: [[], [0], [0xFF, 0xFE], Array("hello, world".utf8), Array(0...255)] as [[UInt8]])
    func base64URLRoundTrips(_ bytes: [UInt8]) {
        let text = Base64URL.encode(bytes)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64URL.decode(text) == bytes)
    }

    @Test func roundTrips() throws {
        let cursor = PageCursor(filters: "f", key: SortKey(day: -5, serial: 7), id: "a.b.c")
        let back = try PageCursor(decoding: cursor.encoded, filters: "f")
        #expect(back == cursor)
        let undated = PageCursor(filters: "f", key: SortKey(day: SortKey.undated, serial: 1), id: "x")
        #expect(try PageCursor(decoding: undated.encoded, filters: "f").sortKey == SortKey(day: SortKey.undated, serial: 1))
    }

    @Test(arguments: [
        ("not*base64", "not base64url"),
        (Base64URL.encode(Array("2.0._.1.x".utf8)), "expected version 1 and five fields"),
        (Base64URL.encode(Array("1.zz._.1.x".utf8)), "bad filter hash"),
        (Base64URL.encode(Array("1.0.day.1.x".utf8)), "bad sort day"),
        (Base64URL.encode(Array("1.0._.-1.x".utf8)), "bad position"),
        (Base64URL.encode([0xFF, 0xFE]), "not UTF-8 text"),
    ])
    func namesWhatIsWrong(_ text: String, reason: String) {
        #expect(throws: StoreQueryError.malformedCursor(reason)) { try PageCursor(decoding: text, filters: "f") }
    }

    @Test func refusesOtherFilters() {
        let cursor = PageCursor(filters: "f", key: SortKey(day: 1, serial: 1), id: "x").encoded
        #expect(throws: StoreQueryError.cursorMismatch) { try PageCursor(decoding: cursor, filters: "g") }
    }
}
