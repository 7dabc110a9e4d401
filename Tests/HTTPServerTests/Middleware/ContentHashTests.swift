import Testing
@testable import HTTPServer

@Suite struct ContentHashTests {
    /// Reference values from the XXH64 reference implementation, seed 0 unless given.
    @Test(arguments: [
        ("", 0xEF46_DB37_51D8_E999),
        ("a", 0xD24E_C4F1_A98C_6E5B),
        ("abc", 0x44BC_2CF5_AD77_0999),
        ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
    ] as [(String, UInt64)])
    func matchesXXH64(text: String, expected: UInt64) {
        #expect(ContentHash.hash(Array(text.utf8)) == expected)
    }

    @Test func matchesXXH64OnLongInputAndWithASeed() {
        let bytes = Array((0..<3).flatMap { _ in (0...255).map { UInt8($0) } }) + Array("xyz".utf8)
        #expect(ContentHash.hash(bytes) == 0xE921_A1B4_5BD7_79F8)
        #expect(ContentHash.hash(Array("abc".utf8), seed: 42) == 0x13C1_D910_7027_70E6)
    }

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
