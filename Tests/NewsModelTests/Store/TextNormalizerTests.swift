import Hashing
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

    /// Texts of every scalar width, marks, folds and separators, in seeded random order: the
    /// byte-level scan must give the terms and ranges a walk over the scalars gives.
    @Test func bytesScanAsScalarsDo() {
        let pieces: [Unicode.Scalar] = [
            "a", "Z", "7", " ", "-", "'", ".", "\u{301}", "é", "Ł", "ß", "Æ", "ı", "и", "К", "東", "²", "½", "😀", "𝐀",
            "\u{A0}", "\u{2014}", "ǅ", "ﬁ",
        ]
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<500 {
            let length = Int.random(in: 0...40, using: &generator)
            var text = String.UnicodeScalarView()
            for _ in 0..<length { text.append(pieces.randomElement(using: &generator)!) }
            let string = String(text)
            let spans = TextNormalizer.spans(string)
            #expect(spans.map(\.term) == Self.scalarTerms(string).map(\.term), "\(string.debugDescription)")
            #expect(spans.map(\.range) == Self.scalarTerms(string).map(\.range), "\(string.debugDescription)")
        }
    }

    /// The rule the scan follows, scalar by scalar: ASCII letters and digits lower-cased, marks
    /// dropped, Latin letters folded, other letters and numbers lower-cased, anything else a break.
    private static func scalarTerms(_ text: String) -> [(term: String, range: Range<Int>)] {
        var terms: [(term: String, range: Range<Int>)] = []
        var term = ""
        var start = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            let piece: String? =
                scalar.isASCII
                ? (properties.isAlphabetic || properties.numericType != nil ? String(scalar).lowercased() : nil)
                : TextNormalizer.latinFold[scalar]
                    ?? (properties.isAlphabetic || properties.numericType != nil ? properties.lowercaseMapping : nil)
            if let piece {
                if term.isEmpty { start = offset }
                term += piece
            } else if !term.isEmpty {
                terms.append((term, start..<offset))
                term = ""
            }
        }
        if !term.isEmpty { terms.append((term, start..<text.unicodeScalars.count)) }
        return terms
    }
}
