import Testing

@testable import HTTPServer

@Suite struct ContentHashTests {
    @Test func entityTagsAreSixteenHexDigitsInQuotes() {
        let tag = ContentHash.entityTag(for: Array("abc".utf8))
        #expect(tag.description == "\"44bc2cf5ad770999\"")
        #expect(!tag.isWeak)
        #expect(ContentHash.entityTag(for: []).description == "\"ef46db3751d8e999\"")
        #expect(ContentHash.hex(1) == "0000000000000001")
    }

    @Test func oneChangedByteChangesTheTag() {
        var bytes = MiddlewareFixtures.json(10_000)
        let before = ContentHash.entityTag(for: bytes)
        bytes[5_000] ^= 1
        #expect(ContentHash.entityTag(for: bytes) != before)
    }
}
