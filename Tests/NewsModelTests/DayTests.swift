import Foundation
import Testing

@testable import NewsModel

@Suite struct DayTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false), ("2024-00-10", false),
        ("2024-6-01", false), ("24-06-01", false), ("2024-06-31", false), ("2024-06-30", true), ("abcd-ef-gh", false),
        ("2024-06-01x", false), ("", false),
    ])
    func parses(_ text: String, valid: Bool) {
        #expect((Day(text) != nil) == valid)
    }

    @Test(arguments: [("1970-01-01", 0), ("1970-01-02", 1), ("1969-12-31", -1), ("2000-03-01", 11_017), ("2024-08-13", 19_948)])
    func ordinalRoundTrips(_ text: String, ordinal: Int) {
        let day = Day.of(text)
        #expect(day.ordinal == ordinal)
        #expect(Day(ordinal: ordinal) == day)
    }

    @Test func ordinalRoundTripsOverCenturies() {
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
    }

    @Test(arguments: [("2024-08-13", 2), ("1970-01-01", 4), ("2024-08-18", 7), ("2024-08-12", 1)])
    func weekday(_ text: String, weekday: Int) {
        #expect(Day.of(text).weekday == weekday)
    }

    @Test func addsDaysAcrossMonthAndYear() {
        #expect(Day.of("2024-12-31").adding(days: 1) == .of("2025-01-01"))
        #expect(Day.of("2024-03-01").adding(days: -1) == .of("2024-02-29"))
    }

    @Test(arguments: [(1900, false), (2000, true), (2024, true), (2023, false)])
    func leapYears(_ year: Int, leap: Bool) {
        #expect(Day.isLeap(year) == leap)
    }

    @Test func monthBounds() {
        #expect(Day.first(ofMonth: 2, year: 2024) == .of("2024-02-01"))
        #expect(Day.last(ofMonth: 2, year: 2024) == .of("2024-02-29"))
        #expect(Day.last(ofMonth: 13, year: 2024) == nil)
    }

    @Test func ordersAndDescribes() {
        #expect(Day.of("2024-06-30") < .of("2024-07-01"))
        #expect(Day.of("0999-01-05").description == "0999-01-05")
        #expect(Day(year: 7, month: 10, day: 9)?.description == "0007-10-09")
        #expect(Day(year: 12345, month: 1, day: 2)?.description == "12345-01-02")
        #expect(Day(year: -44, month: 3, day: 15)?.description == "-0044-03-15")
    }

    /// Every day of a century and its edges, written and read again.
    @Test func describesEveryDayAsItReads() {
        for ordinal in Day.of("1999-01-01").ordinal...Day.of("2101-12-31").ordinal {
            let day = Day(ordinal: ordinal)
            #expect(Day(day.description) == day)
        }
    }

    @Test func codesAsText() throws {
        let data = try JSONEncoder().encode([Day.of("2024-08-13")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-08-13"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: data) == [.of("2024-08-13")])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(#"["2024-02-30"]"#.utf8)) }
    }

    /// Two days sit in every event's date: a day takes eight bytes, not three words.
    @Test func isHeldInEightBytesAndRefusesYearsBeyondThem() {
        #expect(MemoryLayout<Day>.stride == 8)
        #expect(Day(year: Int(Int32.max) + 1, month: 1, day: 1) == nil)
        #expect(Day(year: -44, month: 3, day: 15)?.year == -44)
        #expect(Day(ordinal: Int.max / 2).year == Int(Int32.max))
    }
}
