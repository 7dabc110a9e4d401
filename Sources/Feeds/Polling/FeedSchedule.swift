/// When a feed is polled next: after its interval, or after an exponential backoff while it
/// fails, doubling per failure up to `min(16 × interval, maxBackoff)` (never below the interval).
enum FeedSchedule {
    static func delay(interval: Duration, consecutiveFailures: Int, maxBackoff: Duration) -> Duration {
        guard consecutiveFailures > 0 else { return interval }
        let cap = max(interval, min(interval * 16, maxBackoff))
        let factor = 1 << min(consecutiveFailures, 16)
        return min(interval * factor, cap)
    }
}
