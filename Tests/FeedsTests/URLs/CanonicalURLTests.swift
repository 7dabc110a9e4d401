import Feeds
import Testing

@Suite struct CanonicalURLTests {
    @Test(arguments: [
        ("HTTPS://News.Example.ORG/World/Story?id=7", "https://news.example.org/World/Story?id=7"),
        ("http://example.org:80/a", "http://example.org/a"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("https://example.org:8443/a", "https://example.org:8443/a"),
        ("https://example.org/a#comments", "https://example.org/a"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org/a?utm_source=rss&utm_medium=feed", "https://example.org/a"),
        ("https://example.org/a?b=2&utm_campaign=x&a=1&fbclid=abc", "https://example.org/a?b=2&a=1"),
        ("https://example.org/a?gclid=1&mc_cid=2&mc_eid=3&ref=home&cmpid=4&ocid=5&_ga=6&igshid=7&page=2", "https://example.org/a?page=2"),
        ("https://example.org/a?UTM_Source=x&q=caf%C3%A9", "https://example.org/a?q=caf%C3%A9"),
        ("  https://example.org/a  ", "https://example.org/a"),
    ])
    func canonicalForm(input: String, expected: String) {
        #expect(CanonicalURL(input)?.string == expected)
    }

    @Test(arguments: ["ftp://example.org/a", "mailto:someone@example.org", "not a url at all", "/relative/path", ""])
    func refusesWhatIsNotAnAbsoluteWebAddress(input: String) {
        #expect(CanonicalURL(input) == nil)
    }

    @Test func sameArticleThroughDifferentLinksIsEqual() {
        let plain = CanonicalURL("https://example.org/story/1")
        let tracked = CanonicalURL("https://EXAMPLE.org:443/story/1?utm_source=twitter#top")
        #expect(plain != nil && plain == tracked)
        #expect(plain?.host == "example.org")
    }

    @Test(arguments: [
        ("../a", "https://x/y/z", "https://x/a"),
        ("b", "https://x/y/z", "https://x/y/b"),
        ("/root", "https://x/y/z", "https://x/root"),
        ("//cdn.example.org/p", "https://x/y/z", "https://cdn.example.org/p"),
        ("?page=2", "https://x/y/z", "https://x/y/z?page=2"),
        ("https://other.org/q", "https://x/y/z", "https://other.org/q"),
        ("articles/2", "http://127.0.0.1:8080/feeds/rss.xml", "http://127.0.0.1:8080/feeds/articles/2"),
    ])
    func resolvesAgainstABase(reference: String, base: String, expected: String) {
        #expect(CanonicalURL.resolve(reference, against: base) == expected)
    }

    @Test func canonicalFormOfARelativeReference() {
        #expect(CanonicalURL("../a?utm_medium=x#f", relativeTo: "HTTPS://X.org/y/z")?.string == "https://x.org/a")
    }
}
