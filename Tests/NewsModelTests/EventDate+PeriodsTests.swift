import Testing

@testable import NewsModel

@Suite struct EventDatePeriodsTests {
    /// A value, the precision its shape gives and its first and last days (nil: not a value).
    static let values: [(String, EventDate.Precision?, String, String)] = [
        ("199", .decade, "1990-01-01", "1999-12-31"),
        ("2024", .year, "2024-01-01", "2024-12-31"),
        ("2024-Q1", .quarter, "2024-01-01", "2024-03-31"),
        ("2024-Q4", .quarter, "2024-10-01", "2024-12-31"),
        ("2024-06", .month, "2024-06-01", "2024-06-30"),
        ("2024-W33", .week, "2024-08-12", "2024-08-18"),
        ("2025-W01", .week, "2024-12-30", "2025-01-05"),
        ("2024-W33-WE", .week, "2024-08-17", "2024-08-18"),
        ("2020-W53", .week, "2020-12-28", "2021-01-03"),
        ("2024-02-29", .day, "2024-02-29", "2024-02-29"),
        ("2024-W53", nil, "", ""), ("2024-Q5", nil, "", ""), ("2024-W33-XX", nil, "", ""), ("19", nil, "", ""),
        ("2023-02-29", nil, "", ""), ("2024-13", nil, "", ""), ("2024-06-31", nil, "", ""), ("2024-00-10", nil, "", ""),
        ("2024/06/10", nil, "", ""), ("2024-06-1a", nil, "", ""), ("2024-6-100", nil, "", ""), ("+024-06-10", nil, "", ""),
    ]

    @Test(arguments: values)
    func parses(_ c: (String, EventDate.Precision?, String, String)) {
        let parsed = EventDate.parse(c.0)
        #expect(parsed?.0 == c.1, "\(c.0)")
        if let (_, days) = parsed {
            #expect(days.lowerBound.description == c.2 && days.upperBound.description == c.3, "\(c.0)")
        }
    }

    @Test(arguments: [("2024-08-13", 2024, 33), ("2024-12-30", 2025, 1), ("2021-01-03", 2020, 53), ("2024-01-01", 2024, 1)])
    func isoWeek(_ text: String, year: Int, week: Int) {
        let day = Day.of(text)
        #expect(day.isoWeek.year == year && day.isoWeek.week == week)
        #expect(Day(isoYear: year, week: week, weekday: day.weekday) == day)
    }

    @Test func factoriesGiveTheValueAndItsDays() {
        #expect(EventDate.week(containing: .of("2024-08-13")).value == "2024-W33")
        #expect(EventDate.weekend(of: .of("2024-08-13")).earliest == .of("2024-08-17"))
        #expect(EventDate.quarter(3, year: 1989)?.latest == .of("1989-09-30"))
        #expect(EventDate.decade(startingIn: 1990)?.value == "199")
        #expect(EventDate.decade(startingIn: 1995) == nil)
    }

    @Test(arguments: [
        ("2024-Q3", EventDate.Modifier.late, "2024-09-01", "2024-09-30"),
        ("199", .early, "1990-01-01", "1993-12-31"),
        ("2024-06", .mid, "2024-06-11", "2024-06-20"),
        ("2024-W33", .late, "2024-08-12", "2024-08-18"),
    ])
    func narrows(_ value: String, modifier: EventDate.Modifier, first: String, last: String) throws {
        let (precision, days) = try #require(EventDate.parse(value))
        let narrowed = EventDate.narrow(days, precision: precision, by: modifier)
        #expect(narrowed.lowerBound == .of(first) && narrowed.upperBound == .of(last))
    }

    @Test func timelineCountsWeeksQuartersAndDecadesInWhatHoldsThem() {
        func key(_ value: String, _ granularity: TimelineBucket.Granularity) -> String {
            let (precision, days) = EventDate.parse(value)!
            let date = EventDate(phrase: value, value: value, precision: precision, earliest: days.lowerBound, latest: days.upperBound)
            let (bucket, bucketPrecision) = StoreSnapshot.bucket(of: date, granularity: granularity)
            return "\(bucket) \(bucketPrecision.rawValue)"
        }
        #expect(key("2024-W33", .day) == "2024-08 month")
        #expect(key("2024-W31", .day) == "2024 year")
        #expect(key("2025-W01", .month) == "2025-W01 week")
        #expect(key("2024-Q1", .month) == "2024 year")
        #expect(key("199", .year) == "199 decade")
        #expect(key("2024-06-13", .month) == "2024-06 month")
    }
}
