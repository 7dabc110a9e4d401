import Feeds
import Foundation
import HTTPServer
import HTTPTypes
import Locking
import Testing
import WebFixtures

@Suite struct FeedPollerTests {
    static let userAgent = "Dateline/1.0 (+https://example.org/test)"
    /// A client that may reach the fixture server on 127.0.0.1 (the poller's default may not).
    static let localClient = WebClient(configuration: .init(connectTimeout: .seconds(1), timeout: .seconds(2)))
    static let rssTag = "\"rss-1\""
    static let atomModified = "Tue, 13 Aug 2024 10:00:00 GMT"

    static func rss(authority: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Fixture RSS</title>
        <item><title>One</title><link>http://\(authority)/articles/1</link><guid>rss-1</guid></item>
        <item><title>Two</title><link>../articles/2</link></item>
        <item><title>Private</title><link>/private/3</link></item>
        <item><title>Flaky</title><link>/articles/flaky</link><pubDate>Tue, 13 Aug 2024 10:00:00 GMT</pubDate></item>
        </channel></rss>
        """
    }

    static let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture Atom</title>
        <entry><id>urn:a</id><title>A</title><link href="/articles/a"/><updated>2024-08-13T10:00:00Z</updated></entry>
        <entry><id>urn:b</id><title>B</title><link rel="alternate" href="/articles/b-old"/></entry>
        </feed>
        """

    static func makeServer() throws -> FixtureServer {
        let flakyCalls = Locked(0)
        return try FixtureServer { router in
            router.get("/robots.txt") { _ in
                .text("User-agent: *\nDisallow: /nothing-here\n\nUser-agent: dateline\nDisallow: /private/\nCrawl-delay: 0\n")
            }
            router.get("/feeds/rss.xml") { request in
                if request.headerFields[.ifNoneMatch] == rssTag { return Response(status: .notModified, headerFields: [.eTag: rssTag]) }
                return .text(rss(authority: request.head.authority ?? ""), type: "application/rss+xml", fields: [.eTag: rssTag])
            }
            router.get("/feeds/atom.xml") { request in
                if request.headerFields[.ifModifiedSince] == atomModified { return Response(status: .notModified) }
                return .text(atom, type: "application/atom+xml", fields: [.lastModified: atomModified])
            }
            router.get("/feeds/garbage.xml") { _ in .text("<<<>>> this & that is no feed", type: "application/rss+xml") }
            router.get("/feeds/broken.xml") { _ in .text("down", status: .internalServerError) }
            router.get("/feeds/slow.xml") { _ in .slow(atom, after: 3) }
            router.get("/articles/{id}") { request in
                let id = request.parameters["id"] ?? ""
                if id == "b-old" { return .redirect(to: "/articles/b", status: .movedPermanently) }
                if id == "flaky",
                    flakyCalls.withLock({ count -> Int in
                        count += 1
                        return count
                    }) == 1
                {
                    return .text("busy", status: .serviceUnavailable)
                }
                return .text("<html><body><h1>Article \(id)</h1></body></html>", type: "text/html; charset=utf-8")
            }
            router.get("/private/{id}") { _ in .text("<html>secret</html>", type: "text/html") }
        }
    }

    @Test func pollsFeedsPolitelyAndReportsEachOne() async throws {
        let server = try Self.makeServer()
        let sources = [
            FeedSource(url: server.url("/feeds/rss.xml"), interval: .seconds(1)),
            FeedSource(url: server.url("/feeds/atom.xml"), interval: .seconds(1)),
            FeedSource(url: server.url("/feeds/garbage.xml"), interval: .seconds(1)),
            FeedSource(url: server.url("/feeds/broken.xml"), interval: .seconds(1)),
            FeedSource(url: server.url("/feeds/slow.xml", host: "localhost"), interval: .seconds(1)),
        ]
        let pages = Locked<[FeedArticlePage]>([])
        let client = WebClient(configuration: .init(connectTimeout: .seconds(1), timeout: .milliseconds(700)))
        let poller = FeedPoller(sources: sources, client: client, configuration: .init(userAgent: Self.userAgent)) { page in
            pages.withLock { $0.append(page) }
            if page.pageURL.hasSuffix("/articles/2") { throw Rejected() }
            return page.pageURL.hasSuffix("/articles/b") ? .duplicate : .created
        }
        #expect(poller.statuses.map(\.url) == sources.map(\.url))
        #expect(poller.statuses.allSatisfy { $0.lastFetchAt == nil && $0.nextFetchAt == nil })
        poller.start()
        let settled = try await eventually(within: 10) {
            let statuses = poller.statuses
            return statuses[0].lastStatus == 304 && statuses[0].articlesCreated == 2 && statuses[1].lastStatus == 304
                && statuses[2].consecutiveFailures >= 2 && statuses[3].consecutiveFailures >= 2 && statuses[4].consecutiveFailures >= 1
        }
        let stopping = ContinuousClock.now
        poller.stop()
        #expect(ContinuousClock.now - stopping < .seconds(5))
        #expect(settled, "\(poller.statuses)")

        // Each page reached the sink once, by the address it was served from.
        let served = pages.withLock { $0 }.map(\.pageURL)
        let expected = ["/articles/1", "/articles/2", "/articles/flaky", "/articles/a", "/articles/b"].map { server.url($0) }
        #expect(served.sorted() == expected.sorted())
        let first = pages.withLock { $0 }.first { $0.pageURL == server.url("/articles/1") }
        #expect(first?.feedURL == sources[0].url)
        #expect(first?.item.title == "One")
        #expect(first?.contentType == "text/html; charset=utf-8")
        let html = String(decoding: first?.html ?? [], as: UTF8.self)
        #expect(html.contains("Article 1"))

        // Politeness: robots.txt once per host, the disallowed page never asked for, the flaky
        // page asked twice, conditional requests, our user agent on every request.
        #expect(server.requests(to: "/robots.txt").count == 2)
        #expect(server.requests(to: "/private/3").isEmpty)
        #expect(server.requests(to: "/articles/flaky").count == 2)
        let rssRequests = server.requests(to: "/feeds/rss.xml")
        #expect(rssRequests.count >= 2)
        #expect(rssRequests.first?.headerFields[.ifNoneMatch] == nil)
        #expect(rssRequests.dropFirst().allSatisfy { $0.headerFields[.ifNoneMatch] == Self.rssTag })
        #expect(server.requests(to: "/feeds/atom.xml").dropFirst().allSatisfy { $0.headerFields[.ifModifiedSince] == Self.atomModified })
        #expect(server.paths.allSatisfy { path in server.requests(to: path).allSatisfy { $0.headerFields[.userAgent] == Self.userAgent } })
        // The failing feeds back off (0 s, then 2 s, then 4 s later) while the good ones are
        // polled every second: however slow the machine, they are asked less often.
        #expect(server.requests(to: "/feeds/garbage.xml").count < rssRequests.count)
        #expect(server.requests(to: "/feeds/broken.xml").count < rssRequests.count)

        let statuses = poller.statuses
        let rss = statuses[0]
        #expect(rss.itemsSeen == 4)
        #expect(rss.articlesCreated == 2)
        #expect(rss.itemsDisallowed == 1)
        #expect(rss.itemsFailed == 1)
        #expect(rss.itemsPending == 0)
        #expect(rss.lastItemError?.contains("/articles/2") == true)
        #expect(rss.lastError == nil && rss.consecutiveFailures == 0)
        let atom = statuses[1]
        #expect(atom.itemsSeen == 2 && atom.articlesCreated == 1 && atom.duplicates == 1)
        #expect(atom.lastError == nil && atom.lastStatus == 304)

        let garbage = statuses[2]
        #expect(garbage.lastStatus == 200)
        #expect(garbage.lastError?.contains("not a feed") == true)
        let broken = statuses[3]
        #expect(broken.lastStatus == 500)
        #expect(broken.lastError == "HTTP 500")
        let slow = statuses[4]
        #expect(slow.lastStatus == nil)
        #expect(slow.lastError?.contains("timeout") == true)
        for failing in [garbage, broken] {
            #expect(failing.itemsSeen == 0)
            if let next = failing.nextFetchAt, let last = failing.lastFetchAt {
                let expected = Double(1 << min(failing.consecutiveFailures, 4))
                #expect(abs(next.timeIntervalSince(last) - expected) < 0.1)
            }
        }
        await server.stop()
    }

    @Test func anUnavailableRobotsFileForbidsTheSiteForNow() async throws {
        let server = try FixtureServer { router in
            router.get("/robots.txt") { _ in .text("later", status: .serviceUnavailable) }
            router.get("/feed.xml") { _ in .text(Self.atom, type: "application/atom+xml") }
        }
        let called = Locked(0)
        let poller = FeedPoller(
            sources: [FeedSource(url: server.url("/feed.xml"), interval: .seconds(1))],
            client: Self.localClient, configuration: .init(userAgent: Self.userAgent, robotsRetryAfter: .seconds(3_600))
        ) { _ in
            called.withLock { $0 += 1 }
            return .created
        }
        poller.start()
        let failedTwice = try await eventually(within: 5) { poller.statuses[0].consecutiveFailures >= 2 }
        poller.stop()
        #expect(failedTwice)
        #expect(poller.statuses[0].lastError?.contains("robots.txt") == true)
        #expect(server.requests(to: "/feed.xml").isEmpty)
        #expect(server.requests(to: "/robots.txt").count == 1)
        #expect(called.withLock { $0 } == 0)
        await server.stop()
    }

    @Test func pagesOnASiteWithoutRobotsAnswerWaitWithoutUsingTheirAttempts() async throws {
        let server = try FixtureServer { router in
            router.get("/robots.txt") { request in
                (request.head.authority ?? "").hasPrefix("localhost") ? .text("later", status: .serviceUnavailable) : .text("")
            }
            router.get("/feed.xml") { request in
                let port = (request.head.authority ?? "").split(separator: ":").last ?? ""
                let feed =
                    "<rss><channel><item><title>Elsewhere</title><link>http://localhost:\(port)/articles/x</link></item></channel></rss>"
                return .text(feed, type: "application/rss+xml")
            }
        }
        let poller = FeedPoller(
            sources: [FeedSource(url: server.url("/feed.xml"), interval: .seconds(1))],
            client: Self.localClient, configuration: .init(userAgent: Self.userAgent, maxPageAttempts: 1, robotsRetryAfter: .seconds(3_600))
        ) { _ in .created }
        poller.start()
        // Two polls a second apart; the window is wide for the sanitizer passes, where a loaded
        // machine has kept the poller from its second poll for more than 20 s.
        let polledTwice = try await eventually(within: 60) {
            server.requests(to: "/feed.xml").count >= 2 && poller.statuses[0].nextFetchAt != nil
        }
        poller.stop()
        #expect(polledTwice)
        let status = poller.statuses[0]
        #expect(status.itemsSeen == 1 && status.itemsPending == 1)
        #expect(status.itemsFailed == 0 && status.itemsDisallowed == 0)
        #expect(status.lastError == nil)
        #expect(server.requests(to: "/articles/x").isEmpty)
        #expect(server.requests(to: "/robots.txt").count == 2)
        await server.stop()
    }

    @Test func crawlDelayIsHonouredUpToTheLimit() async throws {
        let times = Locked<[ContinuousClock.Instant]>([])
        let server = try FixtureServer { router in
            router.get("/robots.txt") { _ in .text("User-agent: *\nCrawl-delay: 30\n") }
            router.get("/feed.xml") { _ in
                times.withLock { $0.append(.now) }
                return .text(Self.atom, type: "application/atom+xml")
            }
            router.get("/articles/{id}") { _ in
                times.withLock { $0.append(.now) }
                return .text("<html>page</html>", type: "text/html")
            }
        }
        let poller = FeedPoller(
            sources: [FeedSource(url: server.url("/feed.xml"), interval: .seconds(3_600))],
            client: Self.localClient, configuration: .init(userAgent: Self.userAgent, maxCrawlDelay: .milliseconds(400))
        ) { _ in .created }
        poller.start()
        let fetched = try await eventually(within: 5) { poller.statuses[0].articlesCreated == 2 }
        poller.stop()
        #expect(fetched)
        // The feed, then its two pages: an hour apart from the next poll, however slow the run.
        let stamps = times.withLock { $0 }
        #expect(stamps.count == 3)
        for (earlier, later) in zip(stamps, stamps.dropFirst()) {
            let gap = later - earlier
            #expect(gap >= .milliseconds(350) && gap < .seconds(5), "gap \(gap)")
        }
        await server.stop()
    }

    @Test func aPageThatKeepsFailingIsGivenUp() async throws {
        let server = try FixtureServer { router in
            router.get("/feed.xml") { _ in .text(Self.atom, type: "application/atom+xml") }
            router.get("/articles/{id}") { _ in .text("busy", status: .serviceUnavailable) }
        }
        let poller = FeedPoller(
            sources: [FeedSource(url: server.url("/feed.xml"), interval: .seconds(1))],
            client: Self.localClient, configuration: .init(userAgent: Self.userAgent, maxPageAttempts: 2)
        ) { _ in .created }
        poller.start()
        let gaveUp = try await eventually(within: 6) { poller.statuses[0].itemsFailed == 2 }
        try await Task.sleep(for: .milliseconds(1_200))
        poller.stop()
        #expect(gaveUp)
        let status = poller.statuses[0]
        #expect(status.itemsPending == 0 && status.articlesCreated == 0)
        #expect(status.lastItemError?.contains("HTTP 503") == true)
        #expect(status.lastError == nil)
        // Two tries each for /articles/a and for /articles/b-old, and none after that.
        #expect(server.requests(to: "/articles/a").count == 2)
        #expect(server.requests(to: "/articles/b-old").count == 2)
        await server.stop()
    }

    @Test func theDefaultClientKeepsAwayFromInternalAddresses() async throws {
        let server = try Self.makeServer()
        let poller = FeedPoller(sources: [FeedSource(url: server.url("/feeds/rss.xml"), interval: .seconds(1))]) { _ in .created }
        poller.start()
        let failed = try await eventually(within: 5) { poller.statuses[0].consecutiveFailures >= 1 }
        poller.stop()
        #expect(failed)
        #expect(poller.statuses[0].lastError?.contains("internal address") == true)
        #expect(server.paths.isEmpty)
        await server.stop()
    }

    @Test func stopBeforeStartAndTwiceIsHarmless() {
        let poller = FeedPoller(sources: [FeedSource(url: "http://127.0.0.1:1/feed", interval: .seconds(5))]) { _ in .created }
        poller.stop()
        poller.start()
        poller.stop()
        #expect(poller.statuses.count == 1)
        #expect(poller.statuses[0].interval == .seconds(5))
    }

    struct Rejected: Error, CustomStringConvertible {
        var description: String { "rejected by the sink" }
    }
}
