import Testing

@testable import DatelineAPI

@Suite struct StringScalarCountTests {
    @Test(arguments: ["", "Putin", "Novo-Ogaryovo ↔ Kremlin", "Zürich, café, naïve", "𝒜 and 🇵🇸 and e\u{301}"])
    func scalarCountIsTheNumberOfUnicodeScalars(_ text: String) {
        #expect(text.scalarCount == text.unicodeScalars.count)
    }
}
