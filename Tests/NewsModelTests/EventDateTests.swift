import Foundation
import NewsModel
import Testing

@Suite struct EventDateTests {
    @Test func dayFactoryCoversOneDay() {
        let date = EventDate.day(.of("2024-08-13"), phrase: "on Tuesday")
        #expect(date.value == "2024-08-13")
        #expect(date.precision == .day)
        #expect(date.earliest == date.latest)
    }

    @Test(
        arguments: [
            ("2024-06-20", nil, true), ("2024-07-01", nil, false), (nil, "2024-06-01", true), (nil, "2024-05-31", false),
            ("2024-05-01", "2024-06-01", true), ("2024-06-30", "2024-07-30", true), (nil, nil, true),
        ] as [(String?, String?, Bool)])
    func monthOverlaps(_ from: String?, _ to: String?, overlaps: Bool) {
        let june = EventDate(
            phrase: "in June", value: "2024-06", precision: .month,
            earliest: .of("2024-06-01"), latest: .of("2024-06-30"))
        #expect(june.overlaps(from: from.map(Day.of), to: to.map(Day.of)) == overlaps)
    }

    @Test func codesModifierAndRange() throws {
        let late = EventDate(
            phrase: "late June", value: "2024-06", precision: .month, modifier: .late,
            earliest: .of("2024-06-21"), latest: .of("2024-06-30"))
        let back = try JSONDecoder().decode(EventDate.self, from: JSONEncoder().encode(late))
        #expect(back == late)
    }
}
