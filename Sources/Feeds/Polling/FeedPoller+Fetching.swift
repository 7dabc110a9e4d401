import Foundation

extension FeedPoller {
    /// A GET that waits for the host's turn, checks robots.txt (fetching it first if needed),
    /// and rests the host for its `Crawl-delay` afterwards.
    func politeGet(_ url: String, headers: [(name: String, value: String)], maxBodyBytes: Int) throws -> WebResponse {
        guard let target = FetchTarget(url) else { throw PollFailure.badAddress(url) }
        guard gate.acquire(target.host) else { throw WebFetchError(.cancelled, "the poller is stopping") }
        var pause = Duration.zero
        defer { gate.release(target.host, pause: pause) }
        let rules = try robotsRules(for: target)
        if let delay = rules.crawlDelay {
            pause = min(.milliseconds(Int(delay * 1_000)), configuration.maxCrawlDelay)
        }
        guard rules.allows(target.pathAndQuery) else { throw PollFailure.disallowed(url) }
        return try client.get(
            url, headers: headers + [("User-Agent", configuration.userAgent)], maxBodyBytes: maxBodyBytes, cancellation: cancellation)
    }

    /// The origin's robots.txt rules, from the cache or fetched now (the caller holds the
    /// host's turn). A 4xx allows everything; a 5xx, 429 or no answer forbids everything until
    /// `robotsRetryAfter` has passed; more redirects than allowed count as no file.
    private func robotsRules(for target: FetchTarget) throws -> RobotsRules {
        if let cached = robots.rules(for: target.origin) { return cached }
        let rules: RobotsRules
        var lifetime = configuration.robotsLifetime
        do {
            let response = try client.get(
                target.robotsURL, headers: [("User-Agent", configuration.userAgent)], maxBodyBytes: 2 * RobotsRules.maxBytes,
                cancellation: cancellation)
            rules = RobotsRules(status: response.status, body: response.body, userAgent: configuration.userAgent)
            if response.status == 429 || response.status >= 500 { lifetime = configuration.robotsRetryAfter }
        } catch let error as WebFetchError where error.kind == .cancelled {
            throw error
        } catch let error as WebFetchError where error.kind == .tooManyRedirects {
            rules = .allowAll
        } catch {
            rules = .disallowAll
            lifetime = configuration.robotsRetryAfter
        }
        robots.store(rules, for: target.origin, expires: Date().addingTimeInterval(lifetime.timeInterval))
        return rules
    }
}
