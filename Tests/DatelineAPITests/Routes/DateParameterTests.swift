import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct DateParameterTests {
    @Test(arguments: [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2024-06-20", "2024-06-20", "2024-06-20"),
    ])
    func readsYearsMonthsAndDays(text: String, first: String, last: String) throws {
        let range = try #require(DateParameter.parse(text))
        #expect(range.lowerBound == Day(first))
        #expect(range.upperBound == Day(last))
    }

    @Test(arguments: ["", "24", "2024-6", "2024-13", "2024-06-31", "2023-02-29", "2024-06-01T00", "２０２４", "2024--06", "-2024"])
    func refusesEverythingElse(text: String) {
        #expect(DateParameter.parse(text) == nil)
    }
}
