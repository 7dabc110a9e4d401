import Testing

@testable import Feeds

@Suite struct RobotsRulesTests {
    static let file = """
        # A comment line
        User-agent: *
        Disallow: /private/
        Allow: /private/open-day
        Disallow: /*.pdf$
        Disallow: /search?
        Crawl-delay: 7

        User-agent: Googlebot
        User-agent: OtherBot
        Disallow: /

        user-agent: dateline
        disallow: /drafts
        allow: /drafts/published
        Disallow: /fragments/*/edit
        Allow: /tie
        Disallow: /tie
        Crawl-delay: 2.5
        Sitemap: https://example.org/sitemap.xml
        """

    @Test(arguments: [
        ("/", true),
        ("/news/today", true),
        ("/drafts", false),
        ("/drafts/secret", false),
        ("/drafts/published/1", true),
        ("/fragments/12/edit", false),
        ("/fragments/12/edit/more", false),
        ("/fragments/12/view", true),
        ("/tie", true),
        // Only the group naming us applies, not the * group.
        ("/private/x", true),
        ("/robots.txt", true),
    ])
    func ourGroupWins(path: String, allowed: Bool) {
        let rules = RobotsRules(parsing: Self.file, userAgent: "Dateline/1.0 (+https://example.org)")
        #expect(rules.allows(path) == allowed)
        #expect(rules.crawlDelay == 2.5)
    }

    @Test(arguments: [
        ("/private/x", false),
        ("/private/open-day/1", true),
        ("/report.pdf", false),
        ("/report.pdf?download=1", true),
        ("/search?q=x", false),
        ("/search", true),
        ("/drafts", true),
    ])
    func otherAgentsFallBackToTheStarGroup(path: String, allowed: Bool) {
        let rules = RobotsRules(parsing: Self.file, userAgent: "SomeCrawler")
        #expect(rules.allows(path) == allowed)
        #expect(rules.crawlDelay == 7)
    }

    @Test func groupsSharingUserAgentLinesApplyToEach() {
        #expect(!RobotsRules(parsing: Self.file, userAgent: "otherbot").allows("/anything"))
        #expect(!RobotsRules(parsing: Self.file, userAgent: "Googlebot/2.1").allows("/"))
    }

    @Test func groupsForTheSameAgentAreMerged() {
        let text = "User-agent: dateline\nDisallow: /a\n\nUser-agent: *\nDisallow: /\n\nUser-agent: Dateline\nDisallow: /b\n"
        let rules = RobotsRules(parsing: text, userAgent: "Dateline")
        #expect(!rules.allows("/a/1") && !rules.allows("/b/1") && rules.allows("/c"))
    }

    @Test(arguments: [
        ("User-agent: *\nDisallow:\n", "/anything", true),
        ("User-agent: *\nDisallow: /\n", "/anything", false),
        ("User-agent: *\nDisallow: /\nAllow: /$\n", "/", true),
        ("User-agent: *\nDisallow: /\nAllow: /$\n", "/page", false),
        ("User-agent: *\nAllow: /p\nDisallow: /\n", "/page", true),
        ("User-agent: *\nDisallow: /*\n", "/x", false),
        ("User-agent: *\nDisallow: *\n", "/x", false),
        ("User-agent: *\nDisallow: /a*b$\n", "/a-to-b", false),
        ("User-agent: *\nDisallow: /a*b$\n", "/a-to-bc", true),
        ("", "/x", true),
        ("Disallow: /\n", "/x", true),
        ("User-agent: *\r\nDisallow: /x # no x\r\n", "/x/1", false),
    ])
    func rulesInIsolation(text: String, path: String, allowed: Bool) {
        #expect(RobotsRules(parsing: text, userAgent: "Dateline").allows(path) == allowed)
    }

    @Test(arguments: [("7", 7.0), ("0.5", 0.5), ("inf", nil), ("1e400", nil), ("-3", nil), ("soon", nil)] as [(String, Double?)])
    func crawlDelaysMustBeFiniteSeconds(value: String, seconds: Double?) {
        #expect(RobotsRules(parsing: "User-agent: *\nCrawl-delay: \(value)\n", userAgent: "Dateline").crawlDelay == seconds)
    }

    @Test(arguments: [
        (200, "/secret", false),
        (404, "/secret", true),
        (403, "/secret", true),
        (410, "/secret", true),
        (302, "/secret", true),
        (429, "/open", false),
        (500, "/open", false),
        (503, "/open", false),
    ])
    func statusOfTheRobotsFileDecides(status: Int, path: String, allowed: Bool) {
        let rules = RobotsRules(status: status, body: Array("User-agent: *\nDisallow: /secret\n".utf8), userAgent: "Dateline")
        #expect(rules.allows(path) == allowed)
    }

    @Test(arguments: [
        ("/fish", "/fish", true), ("/fish", "/fish.html", true), ("/fish", "/Fish", false), ("/fish*", "/fishheads", true),
        ("/*.php", "/folder/index.php", true), ("/*.php$", "/index.php?x", false), ("/fish/", "/fish", false),
    ])
    func patterns(pattern: String, path: String, matches: Bool) {
        #expect(RobotsPattern.matches(pattern, path) == matches)
    }
}
