#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension FeedPoller {
    /// A GET that waits for the host's turn, checks robots.txt (fetching it first if needed),
    /// and rests the host for its `Crawl-delay` afterwards.
    func politeGet(_ url: String, headers: [(name: String, value: String)], maxBodyBytes: Int) throws -> WebResponse {
        guard let target = FetchTarget(url) else { throw PollFailure.badAddress(url) }
        guard gate.acquire(target.host) else { throw WebFetchError(.cancelled, "the poller is stopping") }
        var pause = Duration.zero
        defer { gate.release(target.host, pause: pause) }
        guard case .rules(let rules) = try robotsAnswer(for: target) else { throw PollFailure.robotsUnavailable(target.origin) }
        if let delay = rules.crawlDelay {
            pause = min(.seconds(delay), configuration.maxCrawlDelay)
        }
        guard rules.allows(target.pathAndQuery) else { throw PollFailure.disallowed(url) }
        return try client.get(
            url, headers: headers + [("User-Agent", configuration.userAgent)], maxBodyBytes: maxBodyBytes, cancellation: cancellation)
    }

    /// The origin's robots.txt answer, from the cache or fetched now (the caller holds the
    /// host's turn). A 4xx allows everything, and so do more redirects than allowed; a 5xx,
    /// a 429 or no answer at all makes the site unavailable until `robotsRetryAfter` passes.
    /// An internal address the client refuses is thrown as it is.
    private func robotsAnswer(for target: FetchTarget) throws -> RobotsCache.Answer {
        if let cached = robots.answer(for: target.origin) { return cached }
        let answer: RobotsCache.Answer
        do {
            let response = try client.get(
                target.robotsURL, headers: [("User-Agent", configuration.userAgent)], maxBodyBytes: 2 * RobotsRules.maxBytes,
                cancellation: cancellation)
            let unavailable = response.status == 429 || response.status >= 500
            answer =
                unavailable
                ? .unavailable : .rules(RobotsRules(status: response.status, body: response.body, userAgent: configuration.userAgent))
        } catch let error as WebFetchError where error.kind == .cancelled || error.kind == .forbiddenAddress {
            // The site itself is off limits, or the poller is stopping: nothing to cache.
            throw error
        } catch let error as WebFetchError where error.kind == .tooManyRedirects {
            answer = .rules(.allowAll)
        } catch {
            answer = .unavailable
        }
        let lifetime = answer == .unavailable ? configuration.robotsRetryAfter : configuration.robotsLifetime
        robots.store(answer, for: target.origin, expires: Date().addingTimeInterval(lifetime.timeInterval))
        return answer
    }
}
