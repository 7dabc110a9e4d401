import Foundation
import HTTPServer
import HTTPTypes
import Testing
import WebFixtures

/// `dateline serve` polling feeds that a local HTTP server serves, both over real sockets: an RSS
/// feed and an Atom feed whose items link pages in three layouts (one of them the same story
/// under another link), a feed that is no feed, and one that fails with 500.
@Suite("Feeds polled by a running server", .serialized)
struct FeedProcessTests {
    static let rssTag = "\"rss-v1\""

    static func rss(_ base: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Harbour Wire</title><link>\(base)/</link>
        <item><title>Abbas flies to Ankara after Moscow talks</title><link>\(base)/news/abbas-ankara?utm_source=rss&amp;utm_medium=feed</link>
          <guid>a</guid><pubDate>Wed, 14 Aug 2024 06:00:00 GMT</pubDate></item>
        <item><title>Dock workers in Rotterdam end strike</title><link>\(base)/story/dock-strike</link>
          <guid>b</guid><pubDate>Thu, 15 Aug 2024 08:00:00 GMT</pubDate><description>The strike is over &amp; ships sail.</description></item>
        </channel></rss>
        """
    }

    static func atom(_ base: String) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Meridian Daily</title><id>urn:meridian</id><updated>2024-08-16T10:00:00Z</updated>
        <entry><title>Storm closes Manila airport</title><id>urn:c</id><link href="/post/manila-storm"/>
          <updated>2024-08-16T09:00:00Z</updated></entry>
        <entry><title>Abbas lands in Ankara</title><id>urn:d</id><link rel="alternate" href="/amp/abbas-ankara"/>
          <updated>2024-08-14T07:00:00Z</updated></entry>
        </feed>
        """
    }

    /// An `<article>` page with every kind of furniture around it, dated by its JSON-LD.
    static func articlePage(canonical: String) -> String {
        """
        <!doctype html><html lang="en"><head><title>Abbas flies to Ankara | Harbour Wire</title>
        <link rel="canonical" href="\(canonical)"><meta property="og:site_name" content="Harbour Wire">
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Abbas flies to Ankara after Moscow talks", "datePublished": "2024-08-14T08:30:00+03:00"}</script></head>
        <body><nav class="menu"><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a></nav>
        <div id="cookie-consent">We use cookies to improve your experience. Accept all cookies?</div>
        <article><h1>Abbas flies to Ankara after Moscow talks</h1>
        <p>Palestinian President Mahmoud Abbas flew to Ankara on Wednesday, a day after he met Russian President Vladimir Putin in Moscow.</p>
        <p>Abbas is due to address the Turkish parliament on Thursday, officials in Ankara said, in a visit planned for weeks.</p>
        <figure><img src="/a.jpg" alt=""><figcaption>Abbas at the airport in Ankara. Photo: Harbour Wire</figcaption></figure>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div></article>
        <aside class="related-stories"><h3>Related</h3><ul><li><a href="/x">Ten things to know about Ankara</a></li>
        <li><a href="/y">Quiz: how well do you know Turkey?</a></li></ul></aside>
        <section id="comments"><h3>Comments</h3><p>First! Great article, thanks for sharing this with us all.</p></section>
        <footer>Copyright 2024 Harbour Wire. All rights reserved.</footer></body></html>
        """
    }

    /// A page of plain divs with no date of its own: the feed's date stands.
    static let divPage = """
        <html><head><title>Dock strike ends</title></head><body>
        <div class="header"><a href="/">Harbour Wire</a> | <a href="/subscribe">Subscribe</a></div>
        <div class="main"><div class="content">
        <div class="txt">Dock workers in Rotterdam ended their strike on Wednesday after the port authority agreed to raise wages by six percent.</div>
        <div class="txt">The union said its members would return to work on Thursday, and that ships held in the port would sail within days.</div>
        </div><div class="newsletter-signup">Sign up for our newsletter and never miss a story!</div></div>
        <div class="footer">About us | Contact | Privacy policy</div></body></html>
        """

    /// Paragraphs split by line breaks, dated by an Open Graph tag.
    static let breakPage = """
        <html><head><meta property="og:title" content="Storm closes Manila airport">
        <meta property="og:site_name" content="Meridian Daily">
        <meta property="article:published_time" content="2024-08-16T07:15:00+08:00"></head><body>
        <div id="story">A tropical storm closed Manila's international airport on Friday, cancelling more than 200 flights.<br><br>
        The weather bureau said the storm would move out to sea on Saturday, and that the airport could reopen by Sunday.<br><br>
        Officials in Manila asked travellers to stay at home until airlines confirmed their flights.</div>
        <div class="promo">Download our app for breaking news alerts.</div></body></html>
        """

    /// `http://host:port` of the fixture server, as the request names it.
    static func base(_ request: Request) -> String {
        "http://" + (request.head.authority ?? "127.0.0.1")
    }

    static func fixtures() throws -> FixtureServer {
        try FixtureServer { router in
            router.get("/rss.xml") { request in
                if request.headerFields[HTTPField.Name("If-None-Match")!] == Self.rssTag {
                    return Response(status: .notModified, headerFields: [.eTag: Self.rssTag])
                }
                return .text(Self.rss(Self.base(request)), type: "application/rss+xml", fields: [.eTag: Self.rssTag])
            }
            router.get("/atom.xml") { request in .text(Self.atom(Self.base(request)), type: "application/atom+xml") }
            router.get("/broken.xml") { _ in .text("<html><body>Not a feed <<< & >>></body>", type: "application/rss+xml") }
            router.get("/fail.xml") { _ in .text("down", status: .internalServerError) }
            for path in ["/news/abbas-ankara", "/amp/abbas-ankara"] {
                router.get(path) { request in
                    .text(Self.articlePage(canonical: Self.base(request) + "/news/abbas-ankara"), type: "text/html; charset=utf-8")
                }
            }
            router.get("/story/dock-strike") { _ in .text(Self.divPage, type: "text/html") }
            router.get("/post/manila-storm") { _ in .text(Self.breakPage, type: "text/html") }
        }
    }

    static func json(_ port: Int, _ path: String) throws -> [String: Any] {
        let body = try HTTPProbe.get(port: port, path: path).body
        return try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    @Test func feedsBecomeArticlesAndTheirStatusTellsTheStory() async throws {
        let fixtures = try Self.fixtures()
        let feeds = ["/rss.xml", "/atom.xml", "/broken.xml", "/fail.xml"].map { #"{"url": "\#(fixtures.url($0))", "intervalSeconds": 1}"# }
        let server = try ServerProcess.serve(
            ["--set", "log.access=false"],
            environment: ["DATELINE_FEEDS": "[\(feeds.joined(separator: ","))]", "DATELINE_ALLOW_INTERNAL_FEED_ADDRESSES": "true"])
        try CrashRecoveryTests.waitUntilReady(server.port)

        var reports: [[String: Any]] = []
        let told = try await eventually(within: 30) {
            reports = (try? Self.json(server.port, "/feeds")["data"] as? [[String: Any]]) ?? []
            guard reports.count == 4 else { return false }
            let (rss, atom, broken, failing) = (reports[0], reports[1], reports[2], reports[3])
            // The story both feeds link is new to whichever feed's page came first.
            let count = { (key: String) in (rss[key] as? Int ?? 0) + (atom[key] as? Int ?? 0) }
            return rss["lastStatus"] as? Int == 304 && count("articlesCreated") == 3 && count("duplicates") == 1
                && (broken["consecutiveFailures"] as? Int ?? 0) >= 1 && (failing["consecutiveFailures"] as? Int ?? 0) >= 1
        }
        #expect(told, "GET /feeds said \(reports)")
        let urls = ["/rss.xml", "/atom.xml", "/broken.xml", "/fail.xml"].map { fixtures.url($0) }
        #expect(reports.map { $0["url"] as? String } == urls)
        #expect(reports[0]["itemsSeen"] as? Int == 2 && reports[0]["intervalSeconds"] as? Int == 1)
        #expect(reports[0]["lastFetchAt"] is String && reports[0]["nextFetchAt"] is String && reports[0]["lastError"] == nil)
        #expect((reports[2]["lastError"] as? String)?.isEmpty == false)
        #expect(reports[3]["lastStatus"] as? Int == 500)
        #expect((reports[3]["lastError"] as? String)?.contains("500") == true, "\(reports[3])")
        // The RSS feed was asked again with its tag, and each page was fetched once.
        #expect(
            fixtures.requests(to: "/rss.xml").dropFirst().allSatisfy { $0.headerFields[HTTPField.Name("If-None-Match")!] == Self.rssTag })
        #expect(fixtures.requests(to: "/story/dock-strike").count == 1)

        // The articles: the right text kept, the date from the page or else from the feed.
        let ankara = try Self.json(server.port, "/articles/abbas-flies-to-ankara-after-moscow-talks")
        let ankaraBody = try #require(ankara["body"] as? String)
        #expect(ankara["publishedAt"] as? String == "2024-08-14")
        #expect((ankara["source"] as? [String: Any])?["url"] as? String == fixtures.url("/news/abbas-ankara"))
        #expect(ankaraBody.contains("Abbas is due to address the Turkish parliament on Thursday"))
        for furniture in ["cookies", "Share on", "Ten things", "First!", "Copyright", "Photo:", "Home"] {
            #expect(!ankaraBody.contains(furniture), "\(furniture) was kept")
        }
        let dock = try Self.json(server.port, "/articles/dock-strike-ends")
        #expect(dock["publishedAt"] as? String == "2024-08-15", "the feed's date: \(dock)")
        #expect((dock["body"] as? String)?.contains("raise wages by six percent") == true)
        #expect((dock["body"] as? String)?.contains("newsletter") == false)
        let storm = try Self.json(server.port, "/articles/storm-closes-manila-airport")
        #expect(storm["publishedAt"] as? String == "2024-08-16")
        #expect((storm["body"] as? String)?.components(separatedBy: "\n\n").count == 3, "\(storm)")
        // The same story under a second link is one article.
        let titles = ((try Self.json(server.port, "/articles?limit=100")["data"] as? [[String: Any]]) ?? []).compactMap {
            $0["title"] as? String
        }
        #expect(titles.filter { $0.contains("Ankara") }.count == 1, "\(titles)")
        server.stop()
        await fixtures.stop()
    }
}
