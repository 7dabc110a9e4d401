import NewsModel
import Testing

@testable import Extraction

/// Phrases that count from the last date mentioned, carried across sentences.
@Suite struct TimeAnchorTests {
    static func values(_ text: String, published: String = "2024-08-13") -> [String] {
        TimeExpressionNormalizer(publishedAt: Day(published)!).phrases(in: text).map(\.date.value)
    }

    /// A text and the values of its phrases, in order; published Tuesday 2024-08-13.
    static let texts: [(String, [String])] = [
        ("On Saturday, rebels attacked the town. The following day, troops arrived.", ["2024-08-10", "2024-08-11"]),
        (
            "The summit opened on March 3. Two days later, the talks collapsed. A week later they resumed.",
            ["2024-03-03", "2024-03-05", "2024-03-12"]
        ),
        ("Fighting broke out on June 2. The day before, talks had failed.", ["2024-06-02", "2024-06-01"]),
        ("Protests began on May 20. Police cleared the square later that month.", ["2024-05-20", "2024-05"]),
        ("Voters went to the polls on Sunday. That day, turnout was high.", ["2024-08-11", "2024-08-11"]),
        (
            "The vote was held on 2 April 2023. The next day the count began. The following week, results came.",
            ["2023-04-02", "2023-04-03", "2023-W15"]
        ),
        ("The court sat on July 3. In March it had ruled. The following day, lawyers appealed.", ["2024-07-03", "2024-03"]),
        ("The rebels took the city in 2019. The following year they lost it.", ["2019", "2020"]),
        ("Last Wednesday, the minister resigned. The next day, protests began.", ["2024-08-07", "2024-08-08"]),
        // A comparison with a quarter: the same quarter a year before, without moving the anchor.
        ("Profit rose in the third quarter of 2024 from a year ago. In the quarter, sales fell.", ["2024-Q3", "2023-Q3", "2024-Q3"]),
        ("The plant opened in 2019. A year earlier, the firm had been founded.", ["2019", "2018"]),
    ]

    @Test(arguments: texts)
    func carriesTheLastDate(_ c: (String, [String])) {
        #expect(Self.values(c.0) == c.1, "\(c.0)")
    }

    @Test func laterMeansAfterTheLastDateUpToPublication() throws {
        let found = TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!)
            .phrases(in: "The ceasefire was signed on August 1. Later, both sides accused each other.")
        let later = try #require(found.last)
        #expect(later.isInferred)
        #expect(later.date.modifier == .after)
        #expect(later.date.earliest.description == "2024-08-01")
        #expect(later.date.latest.description == "2024-08-13")
    }

    @Test func laterWithoutAnEarlierDateOrInTheFutureSaysNothing() {
        #expect(Self.values("Officials later said the talks had failed.").isEmpty)
        #expect(Self.values("Talks opened on Monday. They will resume later.") == ["2024-08-12"])
    }

    @Test func eventsTakeTheCarriedDate() {
        let r = Fixture.extract(
            """
            Last Wednesday, rebels attacked the town of Lendo. The following day, the army shelled rebel positions. \
            On Saturday, protesters marched in the capital. Last week, the government announced a ceasefire.
            """)
        let dated = Set(r.events.compactMap { e in e.date.map { "\(e.type.rawValue) \($0.value)" } })
        #expect(dated.contains("assault 2024-08-07"))
        #expect(dated.contains("fight 2024-08-08"))
        #expect(dated.contains("protest 2024-08-10"))
        #expect(dated.contains("2024-W32") || dated.contains { $0.hasSuffix("2024-W32") })
    }
}
