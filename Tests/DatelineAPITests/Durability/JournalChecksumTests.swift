import Testing

@testable import DatelineAPI

/// The journal's checksum is part of the on-disk format: journals already written must load.
@Suite struct JournalChecksumTests {
    @Test(arguments: [
        ("", "ef46db3751d8e999"),
        ("abc", "44bc2cf5ad770999"),
        ("Nobody inspects the spammish repetition", "fbcea83c8a378bf1"),
    ])
    func isXXH64InSixteenHexDigits(text: String, expected: String) {
        #expect(JournalChecksum.of(Array(text.utf8)) == expected)
        #expect(JournalChecksum.of(Array(text.utf8)).count == JournalChecksum.length)
    }
}
