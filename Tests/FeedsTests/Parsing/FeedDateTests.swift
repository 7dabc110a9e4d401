import Feeds
import Foundation
import Testing

@Suite struct FeedDateTests {
    /// 2024-08-13 10:00:00 UTC.
    static let instant = Date(timeIntervalSince1970: 1_723_543_200)

    @Test(arguments: [
        "Tue, 13 Aug 2024 10:00:00 GMT",
        "Tue, 13 Aug 2024 10:00:00 +0000",
        "Tue, 13 Aug 2024 13:00:00 +0300",
        "Tue, 13 Aug 2024 13:00:00 +03:00",
        "13 Aug 2024 10:00:00 UT",
        "Tue, 13 Aug 24 10:00:00 Z",
        "Tue, 13 Aug 2024 06:00:00 EDT",
        "Tue, 13 Aug 2024 05:00:00 EST",
        "Tue, 13 Aug 2024 03:00:00 PDT",
        "Tuesday, 13-Aug-2024 10:00:00 GMT",
        "Tue, 13 Aug 2024 10:00 GMT",
        "Tue,13 Aug 2024 10:00:00 GMT",
        "Aug 13, 2024 10:00:00 GMT",
        "Tue, 13 August 2024 05:00:00 -0500",
        "Tue, 13 Aug 2024 10:00:00",
        "2024-08-13T10:00:00Z",
        "2024-08-13T10:00:00.000Z",
        "2024-08-13T12:00:00+02:00",
        "2024-08-13T07:30:00-02:30",
        "2024-08-13 10:00:00+0000",
        "  2024-08-13T10:00:00Z\n",
    ])
    func readsTheSameInstant(text: String) {
        #expect(FeedDate.parse(text) == Self.instant)
    }

    @Test func readsOldTwoDigitYearsAndBareDates() {
        #expect(FeedDate.parse("Fri, 31 Dec 99 23:59:59 GMT") == Date(timeIntervalSince1970: 946_684_799))
        #expect(FeedDate.parse("2024-08-13") == Date(timeIntervalSince1970: 1_723_507_200))
        #expect(FeedDate.parse("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
    }

    @Test(arguments: [
        "", "yesterday", "Tue, 45 Foo 2024", "2024-13-01T00:00:00Z", "2024-08-13T25:61:00Z",
        "Tue, 13 Aug 99999999999999 10:00:00 GMT",
    ])
    func refusesWhatIsNotADate(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}
