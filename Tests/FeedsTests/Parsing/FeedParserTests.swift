import Feeds
import Foundation
import Testing

@Suite struct FeedParserTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
             xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Example &amp; Co News</title>
            <link>https://news.example.org/</link>
            <atom:link href="https://news.example.org/rss.xml" rel="self"/>
            <item>
              <title>Talks resume in Geneva</title>
              <link>https://news.example.org/world/talks?utm_source=rss</link>
              <guid isPermaLink="false">story-101</guid>
              <pubDate>Tue, 13 Aug 2024 10:00:00 GMT</pubDate>
              <description><![CDATA[<p>Delegates <b>met</b> again &amp; talked.</p>]]></description>
            </item>
            <item>
              <title>Relative link</title>
              <link>/local/2</link>
              <dc:date>2024-08-13T12:00:00+02:00</dc:date>
              <description>Escaped &lt;i&gt;markup&lt;/i&gt; here</description>
            </item>
            <item>
              <title>Only a permalink guid</title>
              <guid>https://news.example.org/permalink/3</guid>
              <content:encoded><![CDATA[<div>Full text</div>]]></content:encoded>
            </item>
          </channel>
        </rss>
        """

    @Test func readsRSS() throws {
        let feed = try FeedParser.parse(Array(Self.rss.utf8), url: "https://news.example.org/rss.xml")
        #expect(feed.title == "Example & Co News")
        #expect(feed.items.count == 3)
        let first = feed.items[0]
        #expect(first.id == "story-101")
        #expect(first.title == "Talks resume in Geneva")
        #expect(first.link == "https://news.example.org/world/talks?utm_source=rss")
        #expect(first.published == Date(timeIntervalSince1970: 1_723_543_200))
        #expect(first.summary == "Delegates met again & talked.")
        let second = feed.items[1]
        #expect(second.link == "https://news.example.org/local/2")
        #expect(second.id == "https://news.example.org/local/2")
        #expect(second.published == Date(timeIntervalSince1970: 1_723_543_200))
        #expect(second.summary == "Escaped markup here")
        let third = feed.items[2]
        #expect(third.link == "https://news.example.org/permalink/3")
        #expect(third.summary == "Full text")
        #expect(third.published == nil)
    }

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="html">Atom &lt;em&gt;Wire&lt;/em&gt;</title>
          <link href="https://wire.example.com/atom.xml" rel="self"/>
          <entry>
            <title>Storm makes landfall</title>
            <link rel="enclosure" href="https://wire.example.com/storm.mp3"/>
            <link rel="alternate" type="text/html" href="https://wire.example.com/storm"/>
            <id>tag:wire.example.com,2024:storm</id>
            <updated>2024-08-14T09:00:00Z</updated>
            <published>2024-08-13T10:00:00Z</published>
            <summary>Winds of 150 km/h.</summary>
          </entry>
          <entry>
            <title>No rel, relative href</title>
            <link href="entries/2"/>
            <id>urn:uuid:2</id>
            <updated>2024-08-13T10:00:00.5+00:00</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body <b>text</b></p></div></content>
          </entry>
        </feed>
        """

    @Test func readsAtom() throws {
        let feed = try FeedParser.parse(Array(Self.atom.utf8), url: "https://wire.example.com/feeds/atom.xml")
        #expect(feed.title == "Atom Wire")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].id == "tag:wire.example.com,2024:storm")
        #expect(feed.items[0].link == "https://wire.example.com/storm")
        #expect(feed.items[0].published == Date(timeIntervalSince1970: 1_723_543_200))
        #expect(feed.items[0].summary == "Winds of 150 km/h.")
        #expect(feed.items[1].link == "https://wire.example.com/feeds/entries/2")
        #expect(feed.items[1].published == Date(timeIntervalSince1970: 1_723_543_200.5))
        #expect(feed.items[1].summary == "Body text")
    }

    static let rdf = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example.net/">
            <title>RDF Daily</title>
            <items><rdf:Seq><rdf:li resource="https://rdf.example.net/1"/></rdf:Seq></items>
          </channel>
          <item rdf:about="https://rdf.example.net/1">
            <title>First RDF item</title>
            <link>https://rdf.example.net/1</link>
            <dc:date>2024-08-13T10:00:00Z</dc:date>
            <description>One.</description>
          </item>
          <item rdf:about="https://rdf.example.net/2">
            <title>Second RDF item</title>
            <link>https://rdf.example.net/2</link>
          </item>
        </rdf:RDF>
        """

    @Test func readsRDF() throws {
        let feed = try FeedParser.parse(Array(Self.rdf.utf8))
        #expect(feed.title == "RDF Daily")
        #expect(feed.items.map(\.link) == ["https://rdf.example.net/1", "https://rdf.example.net/2"])
        #expect(feed.items[0].published == Date(timeIntervalSince1970: 1_723_543_200))
        #expect(feed.items[0].summary == "One.")
    }

    /// Feeds broken the ways real ones are; each must still give its one item.
    static let malformed: [(name: String, bytes: [UInt8])] = [
        (
            "bare ampersands",
            Array(
                "<rss><channel><title>A & B</title><item><title>Fish & chips</title><link>https://x.org/a?b=1&c=2</link></item></channel></rss>"
                    .utf8)
        ),
        (
            "HTML entities",
            Array(
                "<rss><channel><title>T</title><item><title>Caf&eacute;&nbsp;news &mdash; today</title><link>https://x.org/a</link></item></channel></rss>"
                    .utf8)
        ),
        (
            "undeclared prefix",
            Array(
                "<rss version=\"2.0\"><channel><item><title>Prefixed</title><link>https://x.org/a</link><dc:date>2024-08-13T10:00:00Z</dc:date></item></channel></rss>"
                    .utf8)
        ),
        (
            "leading whitespace and BOM",
            [0xEF, 0xBB, 0xBF]
                + Array(
                    "\n\n   <?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss><channel><item><title>Late start</title><link>https://x.org/a</link></item></channel></rss>"
                        .utf8)
        ),
        (
            "Latin-1 without declaration",
            Array("<rss><channel><item><title>Caf".utf8) + [0xE9]
                + Array(" au lait</title><link>https://x.org/a</link></item></channel></rss>".utf8)
        ),
        (
            "UTF-8 declared as Latin-1",
            Array(
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Café</title><link>https://x.org/a</link></item></channel></rss>"
                    .utf8)
        ),
        (
            "unknown encoding name",
            Array(
                "<?xml version=\"1.0\" encoding=\"x-unheard-of\"?><rss><channel><item><title>Odd</title><link>https://x.org/a</link></item></channel></rss>"
                    .utf8)
        ),
        ("unclosed tags", Array("<rss><channel><item><title>Cut short</title><link>https://x.org/a</link><description>half".utf8)),
        (
            "entity in CDATA kept",
            Array(
                "<rss><channel><item><title><![CDATA[Tom &amp; Jerry & co]]></title><link>https://x.org/a</link></item></channel></rss>"
                    .utf8)
        ),
    ]

    @Test(arguments: 0..<malformed.count)
    func toleratesMalformedFeeds(index: Int) throws {
        let (name, bytes) = Self.malformed[index]
        let feed = try FeedParser.parse(bytes, url: "https://x.org/feed")
        #expect(feed.items.count == 1, "\(name)")
        #expect(feed.items.first?.link?.hasPrefix("https://x.org/a") == true, "\(name)")
        #expect(feed.items.first?.title.isEmpty == false, "\(name)")
    }

    @Test func malformedFeedsKeepTheirText() throws {
        func title(_ index: Int) throws -> String? { try FeedParser.parse(Self.malformed[index].bytes).items.first?.title }
        #expect(try title(0) == "Fish & chips")
        #expect(try FeedParser.parse(Self.malformed[0].bytes).items.first?.link == "https://x.org/a?b=1&c=2")
        #expect(try title(1) == "Café news — today")
        #expect(try FeedParser.parse(Self.malformed[2].bytes).items.first?.published == Date(timeIntervalSince1970: 1_723_543_200))
        #expect(try title(4) == "Café au lait")
        #expect(try title(5) == "Café")
        #expect(try title(8) == "Tom & Jerry & co")
    }

    @Test func throwsWhenTheBytesAreNotAFeed() {
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Array("this is not xml at all, just words".utf8)) }
        #expect(throws: FeedParseError.self) { try FeedParser.parse([]) }
        #expect(throws: FeedParseError.notAFeed(root: "html")) {
            try FeedParser.parse(Array("<html><head><title>Home</title></head><body><p>Hi</p></body></html>".utf8))
        }
        #expect(throws: FeedParseError.notAFeed(root: "svg")) {
            try FeedParser.parse(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8))
        }
    }

    @Test func itemsWithoutGuidOrLinkStillGetAnIdentifier() throws {
        let feed = try FeedParser.parse(
            Array("<rss><channel><item><title>Bare</title><pubDate>13 Aug 2024 10:00 GMT</pubDate></item></channel></rss>".utf8))
        #expect(feed.items.first?.link == nil)
        #expect(feed.items.first?.id == "Bare|1723543200")
    }
}
