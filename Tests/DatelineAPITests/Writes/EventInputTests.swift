import Testing

@testable import DatelineAPI

@Suite struct EventInputTests {
    @Test(arguments: ["", "Putin", "Novo-Ogaryovo ↔ Kremlin", "Zürich, café, naïve", "𝒜 and 🇵🇸 and e\u{301}"])
    func scalarCountIsTheNumberOfUnicodeScalars(_ text: String) {
        #expect(EventInput.scalarCount(text) == text.unicodeScalars.count)
    }
}
