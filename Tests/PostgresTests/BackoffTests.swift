import Postgres
import Testing

@Suite struct BackoffTests {
    @Test func doublesFromTheInitialDelayUpToTheMaximum() {
        let backoff = Backoff(initial: .milliseconds(100), maximum: .seconds(1))
        let delays = (0...7).map { backoff.delay(afterFailures: $0) }
        #expect(
            delays == [
                .zero, .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1),
                .seconds(1),
            ])
    }

    @Test func manyFailuresStayAtTheMaximum() {
        #expect(Backoff(initial: .milliseconds(1), maximum: .seconds(30)).delay(afterFailures: 10_000) == .seconds(30))
    }
}
