import NewsModel
import Testing
@testable import Extraction

@Suite struct TimeExpressionNormalizerTests {
    /// Phrase, tense (nil: none), value, precision, modifier, earliest, latest; published Tuesday 2024-08-13.
    static let cases: [(String, Bool?, String, EventDate.Precision, EventDate.Modifier?, String, String)] = [
        ("on Tuesday", true, "2024-08-13", .day, nil, "2024-08-13", "2024-08-13"),
        ("on Friday", true, "2024-08-09", .day, nil, "2024-08-09", "2024-08-09"),
        ("on Friday", false, "2024-08-16", .day, nil, "2024-08-16", "2024-08-16"),
        ("on Friday", nil, "2024-08-16", .day, nil, "2024-08-16", "2024-08-16"),
        ("August 15th", false, "2024-08-15", .day, nil, "2024-08-15", "2024-08-15"),
        ("October 7th", true, "2023-10-07", .day, nil, "2023-10-07", "2023-10-07"),
        ("October 7th", false, "2024-10-07", .day, nil, "2024-10-07", "2024-10-07"),
        ("since November", true, "2023-11", .month, .since, "2023-11-01", "2024-08-13"),
        ("November 2021", nil, "2021-11", .month, nil, "2021-11-01", "2021-11-30"),
        ("late June", true, "2024-06", .month, .late, "2024-06-21", "2024-06-30"),
        ("early March", false, "2025-03", .month, .early, "2025-03-01", "2025-03-10"),
        ("mid-July", true, "2024-07", .month, .mid, "2024-07-11", "2024-07-20"),
        ("June this year", nil, "2024-06", .month, nil, "2024-06-01", "2024-06-30"),
        ("until June this year", nil, "2024-06", .month, .until, "2024-06-01", "2024-06-30"),
        ("since October 2023", nil, "2023-10", .month, .since, "2023-10-01", "2024-08-13"),
        ("1948", nil, "1948", .year, nil, "1948-01-01", "1948-12-31"),
        ("in late 2023", nil, "2023", .year, .late, "2023-09-01", "2023-12-31"),
        ("Aug. 1, 2022", nil, "2022-08-01", .day, nil, "2022-08-01", "2022-08-01"),
        ("15 March 2020", nil, "2020-03-15", .day, nil, "2020-03-15", "2020-03-15"),
        ("yesterday", nil, "2024-08-12", .day, nil, "2024-08-12", "2024-08-12"),
        ("last year", nil, "2023", .year, nil, "2023-01-01", "2023-12-31"),
        ("three years ago", nil, "2021", .year, nil, "2021-01-01", "2021-12-31"),
        ("2024-08-01", nil, "2024-08-01", .day, nil, "2024-08-01", "2024-08-01"),
    ]

    @Test(arguments: cases)
    func normalizes(_ c: (String, Bool?, String, EventDate.Precision, EventDate.Modifier?, String, String)) {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!)
        let date = normalizer.normalize(c.0, pastTense: c.1)
        #expect(date?.value == c.2, "\(c.0)")
        #expect(date?.precision == c.3, "\(c.0)")
        #expect(date?.modifier == c.4, "\(c.0)")
        #expect(date?.earliest.description == c.5, "\(c.0)")
        #expect(date?.latest.description == c.6, "\(c.0)")
    }

    @Test(arguments: ["1500 troops", "May launch", "the Monday Club", "4,000 people"])
    func ignoresNonDates(_ text: String) {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!)
        let scalars = Array(("They " + text.prefix(1).lowercased() + text.dropFirst()).unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let found = normalizer.find(in: tokens, sentence: 0..<tokens.count, scalars: scalars)
        #expect(found.isEmpty || text == "the Monday Club", "\(text)")
    }

    @Test func tenseOfTheSentencePicksTheYear() {
        let r = Fixture.extract("The talks are scheduled to begin on August 15th. The attack on October 7th killed many.")
        let values = r.events.compactMap(\.date?.value)
        #expect(values.contains("2024-08-15"))
        #expect(values.contains("2023-10-07"))
    }
}
