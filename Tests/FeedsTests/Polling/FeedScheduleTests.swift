import Testing

@testable import Feeds

@Suite struct FeedScheduleTests {
    @Test(arguments: [(0, 60), (1, 120), (2, 240), (3, 480), (4, 960), (5, 960), (40, 960)])
    func backoffDoublesUpToSixteenIntervals(failures: Int, seconds: Int) {
        #expect(FeedSchedule.delay(interval: .seconds(60), consecutiveFailures: failures, maxBackoff: .seconds(3_600)) == .seconds(seconds))
    }

    @Test func backoffStopsAtAnHourForLongIntervals() {
        #expect(FeedSchedule.delay(interval: .seconds(900), consecutiveFailures: 3, maxBackoff: .seconds(3_600)) == .seconds(3_600))
        #expect(FeedSchedule.delay(interval: .seconds(7_200), consecutiveFailures: 3, maxBackoff: .seconds(3_600)) == .seconds(7_200))
    }

    @Test func sourcesPollAtMostEverySecond() {
        #expect(FeedSource(url: "https://x.org/f", interval: .milliseconds(10)).interval == .seconds(1))
        #expect(FeedSource(url: "https://x.org/f", interval: .seconds(5)).interval == .seconds(5))
    }
}
