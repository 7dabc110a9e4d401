import Testing

@testable import NewsModel

@Suite struct TextNormalizerTests {
    @Test(arguments: [
        ("Putin hosted Abbas", ["putin", "hosted", "abbas"]),
        ("The talks in Ağdam and Bakı", ["talks", "agdam", "baki"]),
        ("Şəki, Ürümqi; Łódź!", ["seki", "urumqi", "lodz"]),
        ("Hamas's leaders", ["hamas", "leaders"]),
        ("Novo-Ogaryovo 2024", ["novo", "ogaryovo", "2024"]),
        ("Straße AND Œuvre", ["strasse", "oeuvre"]),
        ("Москва и Киев", ["москва", "и", "киев"]),
        ("Cafe\u{301} au lait", ["cafe", "au", "lait"]),
        ("東京で会談 😀 Tokyo², 𝐀𝐁", ["東京で会談", "tokyo²", "𝐀𝐁"]),
    ])
    func tokenizes(_ text: String, tokens: [String]) {
        #expect(TextNormalizer.tokens(text) == tokens)
    }

    @Test func spansPointIntoScalars() {
        let text = "Ağdam's mayor"
        let spans = TextNormalizer.spans(text)
        let scalars = Array(text.unicodeScalars)
        #expect(spans.map(\.term) == ["agdam", "s", "mayor"])
        #expect(String(String.UnicodeScalarView(scalars[spans[2].range])) == "mayor")
    }

    @Test func spansCountScalarsOfEveryWidth() {
        let text = "é 東京 😀 Ağdam"
        let spans = TextNormalizer.spans(text)
        let scalars = Array(text.unicodeScalars)
        #expect(spans.map(\.term) == ["e", "東京", "agdam"])
        for span in spans {
            #expect(TextNormalizer.folded(String(String.UnicodeScalarView(scalars[span.range]))) == span.term)
        }
    }

    @Test func foldedKeepsStopwords() {
        #expect(TextNormalizer.folded("The  Hague") == "the hague")
        #expect(TextNormalizer.folded("Abbas's") == TextNormalizer.folded("abbas s"))
    }
}
