import Feeds
import Foundation
import HTTPServer
import NewsModel
import Testing

@testable import DatelineAPI

/// Feed pages through ingestion, without the network: what the feed item fills in, and why a
/// page that makes no article is refused.
@Suite struct FeedIngestionTests {
    let client = WriteClient()

    func page(_ html: String, published: Date? = nil, title: String = "") -> FeedArticlePage {
        FeedArticlePage(
            feedURL: "https://wire.example/rss",
            item: FeedItem(id: "1", title: title, link: "https://wire.example/a?utm_source=rss", published: published, summary: ""),
            pageURL: "https://wire.example/a?utm_source=rss", html: Array(html.utf8), contentType: "text/html")
    }

    @Test func theItemFillsWhatThePageLacks() throws {
        let feeds = FeedIngestion(ingestion: client.application.ingestion)
        let html = "<html><body><p>Mahmoud Abbas met Vladimir Putin in Moscow on Tuesday to discuss the war in Gaza.</p></body></html>"
        // 2024-08-14 23:30 UTC: the feed's instant, read as its UTC day.
        let outcome = try feeds.ingest(page(html, published: Date(timeIntervalSince1970: 1_723_678_200), title: "Abbas in Moscow"))
        #expect(outcome == .created)
        let article = try #require(client.store.snapshot.article("abbas-in-moscow"))
        #expect(article.publishedAt == Day("2024-08-14"))
        #expect(article.source.url == "https://wire.example/a")
        #expect(article.source.name == "wire.example")
        #expect(try feeds.ingest(page(html, published: Date(), title: "Abbas in Moscow again")) == .duplicate)
    }

    @Test func aPageThatMakesNoArticleSaysWhy() {
        let feeds = FeedIngestion(ingestion: client.application.ingestion)
        let undated = page(
            "<html><body><p>Mahmoud Abbas met Vladimir Putin in Moscow to discuss the war in Gaza.</p></body></html>", title: "Talks")
        #expect { try feeds.ingest(undated) } throws: { "\($0)" == "publishedAt is needed: the page gives no publication date." }
    }

    @Test func aCanonicalLinkToAnotherSiteIsNotBelieved() throws {
        let feeds = FeedIngestion(ingestion: client.application.ingestion)
        let html = """
            <html><head><link rel="canonical" href="https://other.example/their-story"></head>
            <body><p>Mahmoud Abbas met Vladimir Putin in Moscow on Tuesday to discuss the war in Gaza.</p></body></html>
            """
        #expect(try feeds.ingest(page(html, published: Date(timeIntervalSince1970: 1_723_678_200), title: "Claimed")) == .created)
        #expect(client.store.snapshot.article("claimed")?.source.url == "https://wire.example/a")
    }

    @Test func theHTTPCharsetWinsOverThePage() throws {
        #expect(MediaTypeParameter.value("charset", in: "text/html; charset=\"ISO-8859-1\"") == "ISO-8859-1")
        #expect(MediaTypeParameter.value("charset", in: "text/html") == nil)
        let feeds = FeedIngestion(ingestion: client.application.ingestion)
        // Latin-1 bytes, though the page says UTF-8: "café" is one byte E9 here.
        let html =
            Array("<html><head><meta charset=\"utf-8\"></head><body><p>Abbas met Putin at a caf".utf8) + [0xE9]
            + Array(" in Moscow on Tuesday to discuss the war in Gaza and the ceasefire.</p></body></html>".utf8)
        var latin = page("", published: Date(timeIntervalSince1970: 1_723_678_200), title: "Latin")
        latin.html = html
        latin.contentType = "text/html; charset=ISO-8859-1"
        #expect(try feeds.ingest(latin) == .created)
        #expect(client.store.snapshot.article("latin")?.body.contains("café in Moscow") == true)
    }
}
