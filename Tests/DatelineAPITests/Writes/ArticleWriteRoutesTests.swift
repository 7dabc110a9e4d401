import HTTPTypes
import NewsModel
import Testing

@testable import DatelineAPI

/// Articles through the whole application: ingestion, reposts, deletion.
@Suite struct ArticleWriteRoutesTests {
    let client = WriteClient()

    static var article: [String: Any] {
        [
            "title": "Putin meets Abbas again",
            "body": "Russian President Vladimir Putin met Palestinian leader Mahmoud Abbas in Moscow on Tuesday. "
                + "The two leaders discussed the situation in Gaza, where Hamas fought in late June.",
            "publishedAt": "2024-09-10",
            "source": ["name": "Test Wire", "url": "https://example.org/putin-abbas-again"],
        ]
    }

    @Test func postIngestsAndAnswersWithWhatItMade() throws {
        let response = client.post("/articles", Self.article)
        #expect(response.status == 201)
        #expect(response[.location] == "/articles/putin-meets-abbas-again")
        let article = try #require(response.json["article"] as? [String: Any])
        #expect(article["id"] as? String == "putin-meets-abbas-again")
        #expect(article["language"] as? String == "en")
        let entities = try #require(response.json["entities"] as? [String])
        #expect(entities.contains("vladimir-putin"))
        #expect(entities.contains("mahmoud-abbas"))
        let events = try #require(response.json["events"] as? [String: [String]])
        #expect(events["created"] != nil && events["merged"] != nil)
        #expect(client.store.snapshot.article("putin-meets-abbas-again") != nil)
        #expect(client.get("/articles/putin-meets-abbas-again")[.eTag] == response[.eTag])
    }

    @Test func aRepostAnswersWithTheStoredArticle() throws {
        let first = client.post("/articles", Self.article)
        #expect(first.status == 201)
        let version = client.store.snapshot.version
        // The same URL, even with another title and text.
        var sameURL = Self.article
        sameURL["title"] = "Another headline"
        sameURL["body"] = "Different words entirely, about nothing much."
        let again = client.post("/articles", sameURL)
        #expect(again.status == 200)
        #expect(again[.contentLocation] == "/articles/putin-meets-abbas-again")
        #expect((again.json["article"] as? [String: Any])?["id"] as? String == "putin-meets-abbas-again")
        #expect(again.json["events"] as? [String: [String]] == ["created": [], "merged": []])
        #expect(again[.eTag] == first[.eTag])
        // The same text from another URL.
        var sameText = Self.article
        sameText["source"] = ["name": "Other Wire", "url": "https://example.com/elsewhere"]
        #expect(client.post("/articles", sameText).status == 200)
        #expect(client.store.snapshot.version == version)
        #expect(client.store.snapshot.articleCount == Fixtures.articles.count + 1)
    }

    @Test func wrongArticlesAreUnprocessable() {
        let response = client.post(
            "/articles",
            [
                "title": "", "body": "Text.", "publishedAt": "2024-02-30",
                "source": ["url": "ftp://x"], "language": "english!",
            ])
        #expect(response.status == 422)
        #expect(Set(response.errorFields) == ["title", "publishedAt", "source.name", "source.url", "language"])
        #expect(client.post("/articles", ["title": "T", "body": "B", "publishedAt": "2024-01-01"]).errorFields == ["source"])
    }

    static let page = """
        <!doctype html><html lang="en-GB"><head>
        <title>Abbas flies to Ankara | Test Wire</title>
        <link rel="canonical" href="/world/abbas-ankara">
        <meta property="og:site_name" content="Test Wire">
        <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Abbas flies to Ankara",
          "datePublished": "2024-08-14T23:30:00-04:00"}</script>
        </head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <div class="cookie-banner">We use cookies. Accept all cookies to continue.</div>
        <article><h1>Abbas flies to Ankara</h1>
        <p>Palestinian President Mahmoud Abbas flew to Ankara on Wednesday, a day after he met Vladimir Putin in Moscow.</p>
        <p>Abbas is to address the Turkish parliament on Thursday, according to officials in Ankara, who said the visit had been planned for weeks.</p>
        <figure><img src="a.jpg"><figcaption>Abbas at the airport. Photo: Test Wire</figcaption></figure>
        </article>
        <aside class="related"><h2>Related</h2><ul><li><a href="/x">Ten things to know about Ankara</a></li></ul></aside>
        <footer>Copyright Test Wire. All rights reserved.</footer>
        </body></html>
        """

    @Test func aWebPageIsReadForItsTextAndMetadata() throws {
        let response = client.post(
            "/articles", ["html": Self.page, "source": ["url": "https://wire.example/world/abbas-ankara?utm_source=rss"]])
        #expect(response.status == 201)
        let article = try #require(response.json["article"] as? [String: Any])
        #expect(article["title"] as? String == "Abbas flies to Ankara")
        #expect(article["publishedAt"] as? String == "2024-08-14")
        #expect(article["language"] as? String == "en-GB")
        let source = try #require(article["source"] as? [String: Any])
        #expect(source["name"] as? String == "Test Wire")
        let body = try #require(article["body"] as? String)
        #expect(body.contains("Abbas is to address the Turkish parliament on Thursday"))
        for boilerplate in ["cookies", "Ten things", "Copyright", "Photo: Test Wire", "Home"] {
            #expect(!body.contains(boilerplate), "\(boilerplate) was kept")
        }
        #expect((response.json["entities"] as? [String])?.contains("mahmoud-abbas") == true)
    }

    @Test func aPageTakesItsCanonicalURLAndMembersSentWin() throws {
        let response = client.post(
            "/articles",
            [
                "html": Self.page.replacingOccurrences(of: "/world/abbas-ankara", with: "https://wire.example/world/abbas-ankara"),
                "title": "Abbas in Ankara", "publishedAt": "2024-08-15", "source": ["name": "Other Wire"],
            ])
        #expect(response.status == 201)
        let article = try #require(response.json["article"] as? [String: Any])
        #expect(article["title"] as? String == "Abbas in Ankara")
        #expect(article["publishedAt"] as? String == "2024-08-15")
        #expect(article["source"] as? [String: String] == ["name": "Other Wire", "url": "https://wire.example/world/abbas-ankara"])
    }

    @Test func aPageSentAsJSONIsReadAsUnicodeWhateverItDeclares() throws {
        let page = Self.page.replacingOccurrences(of: "<head>", with: #"<head><meta charset="iso-8859-1">"#)
            .replacingOccurrences(of: "a day after", with: "a day after a café stop, and a day after")
        let response = client.post("/articles", ["html": page, "source": ["url": "https://wire.example/world/abbas-ankara-cafe"]])
        #expect(response.status == 201)
        #expect(((response.json["article"] as? [String: Any])?["body"] as? String)?.contains("a café stop") == true)
    }

    @Test func aPageWithoutWhatAnArticleNeedsIsUnprocessable() {
        let undated = client.post(
            "/articles",
            ["html": "<html><body><p>Just a paragraph of text about nothing in particular, long enough to read.</p></body></html>"])
        #expect(undated.status == 422)
        #expect(Set(undated.errorFields) == ["title", "publishedAt", "source.name"])
        let empty = client.post(
            "/articles", ["html": "<html><body><nav><a href='/'>Home</a></nav></body></html>", "publishedAt": "2024-01-01"])
        #expect(empty.status == 422)
        #expect(empty.errorFields == ["html"])
        #expect(client.post("/articles", ["html": "<p>x</p>", "body": "text"]).errorFields == ["body"])
    }

    @Test func deleteCascadesToSourcesAndSourcelessEvents() {
        // aid-reaches-gaza is the only source of two events.
        #expect(client.delete("/articles/aid-reaches-gaza").status == 204)
        let snapshot = client.store.snapshot
        #expect(snapshot.article("aid-reaches-gaza") == nil)
        #expect(snapshot.event("un-aid-gaza-2024-06") == nil)
        #expect(snapshot.event("hamas-fight-gaza-2024-06") == nil)
        #expect(snapshot.entity("gaza")?.articleIds == ["putin-hosts-abbas"])
        #expect(client.get("/articles/aid-reaches-gaza").status == 404)
        #expect(client.delete("/articles/aid-reaches-gaza").status == 404)
    }

    @Test func deleteKeepsEventsThatOtherArticlesStillReport() throws {
        let event = Event.make(
            "shared", .consult, "Shared", date: nil, participants: [("hamas", .actor)],
            source: ("hamas-will-talk", 0, "Hamas said"))
        var twoSources = event
        twoSources.sources.append(EventSource(articleId: "putin-hosts-abbas", sentenceIndex: 0, start: 0, end: 7, quote: "Vladimir"))
        client.store.upsert(twoSources)
        #expect(client.delete("/articles/hamas-will-talk").status == 204)
        let left = try #require(client.store.snapshot.event("shared"))
        #expect(left.sources.map(\.articleId) == ["putin-hosts-abbas"])
    }
}
