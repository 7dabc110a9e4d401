import Testing

@testable import WebArticle

@Suite("Language tags")
struct LanguageTagTests {
    @Test(
        arguments: [
            ("en_US", "en-US"), ("EN-us", "en-US"), ("de", "de"), ("zh-hant-tw", "zh-Hant-TW"), ("en-US,en;q=0.9", "en-US"),
            ("", nil), ("english", nil), ("12", nil),
        ] as [(String, String?)])
    func normalized(value: String, expected: String?) {
        #expect(LanguageTag.normalize(value) == expected)
    }
}
