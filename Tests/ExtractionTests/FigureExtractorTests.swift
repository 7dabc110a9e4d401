import NewsModel
import Testing

@testable import Extraction

@Suite struct FigureExtractorTests {
    static let cases: [(String, String, Double, String?, Figure.Qualifier)] = [
        ("The strike claimed over 90 lives.", "fatalities", 90, nil, .atLeast),
        ("They sent over 700 tons of humanitarian assistance.", "aid", 700, "tons", .atLeast),
        ("The quake injured more than 300 people.", "injuries", 300, nil, .atLeast),
        ("The court awarded $48 million in damages.", "money", 48_000_000, "USD", .exact),
        ("She took 52.4 percent of the vote.", "votes", 52.4, "percent", .exact),
        ("The death toll has exceeded 40,000.", "fatalities", 40_000, nil, .atLeast),
        ("About 12,000 people were evacuated.", "displaced", 12_000, nil, .about),
    ]

    @Test(arguments: cases)
    func reads(_ c: (String, String, Double, String?, Figure.Qualifier)) {
        let scalars = Array(c.0.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let figure = FigureExtractor.figures(in: tokens, sentence: 0..<tokens.count, scalars: scalars).first?.figure
        #expect(figure?.kind == c.1, "\(c.0)")
        #expect(figure?.value == c.2, "\(c.0)")
        #expect(figure?.unit == c.3, "\(c.0)")
        #expect(figure?.qualifier == c.4, "\(c.0)")
    }
}
