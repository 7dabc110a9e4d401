import Hashing
import Testing

@Suite struct XXH64Tests {
    /// Reference values from the XXH64 reference implementation, seed 0 unless given.
    @Test(
        arguments: [
            ("", 0xEF46_DB37_51D8_E999),
            ("a", 0xD24E_C4F1_A98C_6E5B),
            ("abc", 0x44BC_2CF5_AD77_0999),
            ("Nobody inspects the spammish repetition", 0xFBCE_A83C_8A37_8BF1),
        ] as [(String, UInt64)])
    func matchesTheReference(text: String, expected: UInt64) {
        #expect(XXH64.hash(Array(text.utf8)) == expected)
    }

    @Test func matchesTheReferenceOnLongInputAndWithASeed() {
        let bytes = Array((0..<3).flatMap { _ in (0...255).map { UInt8($0) } }) + Array("xyz".utf8)
        #expect(XXH64.hash(bytes) == 0xE921_A1B4_5BD7_79F8)
        #expect(XXH64.hash(Array("abc".utf8), seed: 42) == 0x13C1_D910_7027_70E6)
    }

    @Test func aBufferHashesLikeItsArray() {
        let bytes = Array("Nobody inspects the spammish repetition".utf8)
        #expect(bytes.withUnsafeBytes { XXH64.hash($0) } == XXH64.hash(bytes))
    }
}
