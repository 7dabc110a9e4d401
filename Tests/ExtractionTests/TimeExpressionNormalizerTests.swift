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
        // Weeks, quarters and decades, with their ranges.
        ("last week", nil, "2024-W32", .week, nil, "2024-08-05", "2024-08-11"),
        ("over the weekend", true, "2024-W32-WE", .week, nil, "2024-08-10", "2024-08-11"),
        ("the first quarter of 2024", nil, "2024-Q1", .quarter, nil, "2024-01-01", "2024-03-31"),
        ("the 1990s", nil, "199", .decade, nil, "1990-01-01", "1999-12-31"),
        ("the late 1990s", nil, "199", .decade, .late, "1997-01-01", "1999-12-31"),
        ("mid-2023", nil, "2023", .year, .mid, "2023-05-01", "2023-08-31"),
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

    /// Phrase, publication day, tense (nil: none), value, precision: one row per rule.
    static let rules: [(String, String, Bool?, String, EventDate.Precision)] = [
        // Counted from the publication day (2024-08-13 is a Tuesday).
        ("Last Wednesday", "2024-08-13", nil, "2024-08-07", .day),
        ("last Wednesday", "2024-08-14", nil, "2024-08-07", .day),
        ("On Saturday", "2024-08-13", true, "2024-08-10", .day),
        ("on Sunday", "2024-08-13", true, "2024-08-11", .day),
        ("on Friday", "2024-08-13", true, "2024-08-09", .day),
        ("on Saturday", "2024-08-10", true, "2024-08-10", .day),
        ("on Saturday", "2024-08-13", false, "2024-08-17", .day),
        ("next Monday", "2024-08-13", nil, "2024-08-19", .day),
        ("Monday morning", "2024-08-13", true, "2024-08-12", .day),
        ("Monday night", "2024-08-13", true, "2024-08-12", .day),
        ("yesterday", "2024-08-13", nil, "2024-08-12", .day),
        ("yesterday afternoon", "2024-08-13", nil, "2024-08-12", .day),
        ("today", "2024-08-13", nil, "2024-08-13", .day),
        ("this morning", "2024-08-13", nil, "2024-08-13", .day),
        ("last night", "2024-08-13", nil, "2024-08-12", .day),
        ("tomorrow", "2024-08-13", nil, "2024-08-14", .day),
        ("eight days ago", "2024-08-13", nil, "2024-08-05", .day),
        ("Last week", "2024-08-13", nil, "2024-W32", .week),
        ("this week", "2024-08-13", nil, "2024-W33", .week),
        ("earlier this week", "2024-08-13", nil, "2024-W33", .week),
        ("next week", "2024-08-13", nil, "2024-W34", .week),
        ("two weeks ago", "2024-08-13", nil, "2024-W31", .week),
        ("this week", "2024-12-31", nil, "2025-W01", .week),
        ("the weekend", "2024-08-13", true, "2024-W32-WE", .week),
        ("the weekend", "2024-08-13", false, "2024-W33-WE", .week),
        ("last weekend", "2024-08-11", nil, "2024-W31-WE", .week),
        ("the week of March 5", "2024-08-13", true, "2024-W10", .week),
        ("the week of 5 March 2024", "2024-08-13", nil, "2024-W10", .week),
        ("next month", "2024-12-13", nil, "2025-01", .month),
        ("last month", "2024-01-13", nil, "2023-12", .month),
        ("earlier this month", "2024-08-13", nil, "2024-08", .month),
        ("March 2024", "2024-08-13", nil, "2024-03", .month),
        ("March 5", "2024-08-13", true, "2024-03-05", .day),
        ("5 March 2024", "2024-08-13", nil, "2024-03-05", .day),
        ("2024-08-13", "2024-08-13", nil, "2024-08-13", .day),
        ("11/02/89", "1989-11-03", nil, "1989-11-02", .day),
        ("in 2023", "2024-08-13", nil, "2023", .year),
        ("this year", "2024-08-13", nil, "2024", .year),
        ("next year", "2024-08-13", nil, "2025", .year),
        ("a year ago", "2024-08-13", nil, "2023", .year),
        ("the first quarter of 2024", "2024-08-13", nil, "2024-Q1", .quarter),
        ("Q1 2024", "2024-08-13", nil, "2024-Q1", .quarter),
        ("the third quarter", "1989-10-25", true, "1989-Q3", .quarter),
        ("third-quarter", "1989-10-25", true, "1989-Q3", .quarter),
        ("the fourth quarter of last year", "2024-08-13", nil, "2023-Q4", .quarter),
        ("the 1990s", "2024-08-13", nil, "199", .decade),
        ("the '90s", "2024-08-13", nil, "199", .decade),
        ("the 2020s", "2024-08-13", nil, "202", .decade),
        ("mid-2023", "2024-08-13", nil, "2023", .year),
        ("last November", "2024-08-13", nil, "2023-11", .month),
        ("next March", "2024-08-13", nil, "2025-03", .month),
        ("its 1990 invasion", "2024-08-13", nil, "1990", .year),
        ("his unsuccessful 1996 campaign", "2024-08-13", nil, "1996", .year),
        ("the mid-1990s", "2024-08-13", nil, "199", .decade),
        ("the third quarter", "1989-10-25", false, "1989-Q3", .quarter),
        ("the latest quarter", "1989-10-25", true, "1989-Q3", .quarter),
        ("the current quarter", "1989-10-25", nil, "1989-Q4", .quarter),
        ("next quarter", "1989-10-25", nil, "1990-Q1", .quarter),
        ("year-ago", "1989-10-25", nil, "1988", .year),
        // A day within a month of publication is that one whatever the tense; further off, the tense picks the year.
        ("on Oct. 26", "1998-10-25", true, "1998-10-26", .day),
        ("Jan. 14", "2000-01-06", true, "2000-01-14", .day),
        ("Dec. 20", "2000-01-06", nil, "1999-12-20", .day),
        // Holidays: fixed days, and Thanksgiving, the fourth Thursday of November.
        ("on Christmas Eve", "2024-08-13", true, "2023-12-24", .day),
        ("Christmas", "2024-08-13", false, "2024-12-25", .day),
        ("New Year's Day", "2024-08-13", false, "2025-01-01", .day),
        ("Thanksgiving Day", "2000-01-07", true, "1999-11-25", .day),
        ("on Thanksgiving", "2024-08-13", false, "2024-11-28", .day),
        // Counted from the last date mentioned: the publication day when none was.
        ("The following day", "2024-08-13", nil, "2024-08-14", .day),
        ("two days later", "2024-08-13", nil, "2024-08-15", .day),
        ("the day before.", "2024-08-13", nil, "2024-08-12", .day),
    ]

    @Test(arguments: rules)
    func normalizesRule(_ c: (String, String, Bool?, String, EventDate.Precision)) {
        let date = TimeExpressionNormalizer(publishedAt: Day(c.1)!).normalize(c.0, pastTense: c.2)
        #expect(date?.value == c.3, "\(c.0)")
        #expect(date?.precision == c.4, "\(c.0)")
        if let date, let (_, days) = EventDate.parse(date.value), date.modifier == nil {
            #expect(date.earliest == days.lowerBound && date.latest == days.upperBound, "\(c.0)")
        }
    }

    @Test(arguments: [
        "1500 troops", "May launch", "the Monday Club", "4,000 people", "recently met", "now", "soon",
        "a later date", "the last day of talks", "days later", "two days before the vote", "later decide",
        "met Foreign Minister Jan Kavan", "its 2000 employees", "watched This Week on Sunday",
    ])
    func ignoresNonDates(_ text: String) {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!)
        let scalars = Array(("They " + text.prefix(1).lowercased() + text.dropFirst()).unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let found = normalizer.find(in: tokens, sentence: 0..<tokens.count, scalars: scalars)
        #expect(found.isEmpty || text == "the Monday Club" || found.map(\.date.phrase) == ["on Sunday"], "\(text)")
    }

    @Test func tenseOfTheSentencePicksTheYear() {
        let r = Fixture.extract("The talks are scheduled to begin on August 15th. The attack on October 7th killed many.")
        let values = r.events.compactMap(\.date?.value)
        #expect(values.contains("2024-08-15"))
        #expect(values.contains("2023-10-07"))
    }

    @Test func extentLeavesOutSignalWords() {
        let text = "Talks have stalled since late June and resumed on Tuesday."
        let found = TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!).phrases(in: text)
        #expect(found.map { Fixture.slice(text, $0.start, $0.end) } == ["late June", "Tuesday"])
        #expect(found.map(\.date.phrase) == ["since late June", "on Tuesday"])
        let more = "Friday's vote came after talks earlier this week."
        let spans = TimeExpressionNormalizer(publishedAt: Day("2024-08-13")!).phrases(in: more)
        #expect(spans.map { Fixture.slice(more, $0.start, $0.end) } == ["Friday", "this week"])
    }

    @Test func aWeekdayTakesTheDateBesideIt() {
        let found = TimeExpressionNormalizer(publishedAt: Day("1998-10-25")!)
            .phrases(in: "The New York Times said in an editorial on Monday, Oct. 26, that the case was closed.")
        #expect(found.map(\.date.value) == ["1998-10-26", "1998-10-26"])
    }

    @Test func aSpeechVerbBesideTheWeekdayGivesItsTense() {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("1998-03-06")!)
        let said = normalizer.phrases(in: "A Pentagon spokesman said Thursday that the troops will remain in the Gulf.")
        #expect(said.map(\.date.value) == ["1998-03-05"])
        let plan = normalizer.phrases(in: "The troops will leave on Thursday, a spokesman said.")
        #expect(plan.map(\.date.value) == ["1998-03-12"])
    }

    @Test func tenseCuesSkipSpeechVerbsAndParticiples() {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("2000-01-06")!)
        let deadline = normalizer.phrases(in: "The agency ruled that he must be returned to his father by Jan. 14, officials said.")
        #expect(deadline.map(\.date.value) == ["2000-01-14"])
        let record = TimeExpressionNormalizer(publishedAt: Day("1989-11-01")!)
            .phrases(in: "The dividend will be payable Jan. 3 to stock of record Nov. 16, the company said.")
        #expect(record.map(\.date.value) == ["1990-01-03", "1989-11-16"])
    }

    @Test func anIrregularParticipleAfterBeTakesTheAuxiliarysTense() {
        let paid = TimeExpressionNormalizer(publishedAt: Day("1989-10-26")!)
            .phrases(in: "The increased dividend will be paid Dec. 14 to holders of record.")
        #expect(paid.map(\.date.value) == ["1989-12-14"])
    }

    @Test func wouldAndSupposedToLookAhead() {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("1998-02-13")!)
        let flights = normalizer.phrases(in: "It said two new flights would leave Bombay from March 30.")
        #expect(flights.map(\.date.value) == ["1998-03-30"])
        let talks = normalizer.phrases(in: "The talks are supposed to conclude by May.")
        #expect(talks.map(\.date.value) == ["1998-05"])
    }

    @Test func aPlanNounSaysNothingOfWhen() {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("1989-10-27")!)
        #expect(normalizer.phrases(in: "The thrift announced the plan Aug. 21.").map(\.date.value) == ["1989-08-21"])
    }

    @Test func wasOrWereBeforeAPlanLooksAhead() {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("2000-01-07")!)
        let found = normalizer.phrases(in: "They held a rally and were planning to drive around the airport on Monday.")
        #expect(found.map(\.date.value) == ["2000-01-10"])
    }

    @Test func lookingAheadStopsAtASecondPredicate() {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("2025-06-12")!)
        let found = normalizer.phrases(in: "He met them in the capital on Friday and is expected to host talks next Tuesday.")
        #expect(found.map(\.date.value) == ["2025-06-06", "2025-06-17"])
        let hearing = normalizer.phrases(in: "A hearing to recover the money he received is set for February 14.")
        #expect(hearing.map(\.date.value) == ["2026-02-14"])
    }

    @Test func theCurrentUnitIsThisOne() {
        let normalizer = TimeExpressionNormalizer(publishedAt: Day("1989-10-26")!)
        #expect(normalizer.normalize("the current quarter")?.value == "1989-Q4")
        #expect(normalizer.normalize("the current fiscal year")?.value == "1989")
    }
}
