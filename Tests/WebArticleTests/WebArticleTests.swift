import Testing
import WebArticle

@Suite("Reading articles from pages")
struct WebArticleTests {
    private func read(_ html: String, url: String? = nil) throws -> WebArticle {
        try #require(WebArticle.read(html: Array(html.utf8), url: url))
    }

    @Test func classicArticleKeepsTheStoryAndDropsTheFurniture() throws {
        let article = try read(Fixtures.classicArticle, url: "https://gazette.example/news/harbour-bridge-reopens?ref=home")
        #expect(article.text == Fixtures.classicArticleText)
        for furniture in [
            "cookies", "Home", "Share on", "Mara Quill", "bridge at dawn", "morning briefing", "Ferry timetable", "Related",
            "Finally!", "Copyright", "Harbour bridge reopens after repairs",
        ] {
            #expect(!article.text.contains(furniture), "kept \(furniture)")
        }
        #expect(article.title == "Harbour bridge reopens after repairs")
        #expect(article.publishedAt == "2024-03-05")
        #expect(article.language == "en-GB")
        #expect(article.canonicalURL == "https://gazette.example/news/harbour-bridge-reopens")
        #expect(article.siteName == "The Tidewater Gazette")
        #expect(article.byline == "Mara Quill")
    }

    @Test func divSoupKeepsTheParagraphRun() throws {
        let article = try read(Fixtures.divSoup)
        #expect(
            article.text == """
                Fruit growers across the valley spent the weekend preparing wind machines and heaters, as forecasters warned of a hard frost.

                Blossoms on early apple varieties are already open, which leaves them exposed, said one grower, who farms forty acres.

                Temperatures are expected to drop below freezing on Wednesday night, before recovering, slowly, by the weekend.
                """)
        #expect(article.title == "Orchard growers brace for late frost")
        #expect(article.publishedAt == nil)
    }

    @Test func partialStructuredBodyDoesNotCutTheText() throws {
        let article = try read(Fixtures.partialLinkedData)
        #expect(article.text.hasSuffix("Staffing will come from a reorganised rota rather than new hires, the director said on Monday."))
        #expect(article.text.components(separatedBy: "\n\n").count == 3)
        #expect(!article.text.contains("Swimming pool"))
        #expect(article.title == "Library extends opening hours")
        #expect(article.publishedAt == "2023-11-30")
        #expect(article.byline == "Jonas Feld, Ida Brenner")
        #expect(article.siteName == "Nordkurier Test")
        #expect(article.language == "de")
    }

    @Test func doubleLineBreaksSeparateParagraphs() throws {
        let article = try read(Fixtures.lineBreaks)
        #expect(
            article.text == """
                The storm arrived after midnight, with gusts strong enough to rattle the lantern room windows.

                By dawn the wind had dropped, and the keeper walked the rocks to check the foghorn, which had failed twice. It was working again by noon.

                Supplies are due on Friday, weather permitting, along with the new batteries for the radio.
                """)
    }

    @Test func bodyOnlyInStructuredDataIsUsed() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rendered later",
            "articleBody": "The page draws its text with scripts, so only the structured copy holds it."}</script></head>
            <body><div id="app"></div></body></html>
            """
        let article = try read(html)
        #expect(article.text == "The page draws its text with scripts, so only the structured copy holds it.")
        #expect(article.title == "Rendered later")
    }

    @Test(arguments: [
        "", "   ", "<html></html>", "<html><body><script>var a = 1;</script></body></html>",
    ])
    func pagesWithoutTextReadAsNil(html: String) {
        #expect(WebArticle.read(html: Array(html.utf8)) == nil)
    }

    @Test func binaryInputDoesNotCrash() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        _ = WebArticle.read(html: bytes)
    }

    @Test func deepNestingIsRead() throws {
        let depth = 20_000
        let html =
            String(repeating: "<div>", count: depth) + "<p>A paragraph buried very deep inside the page, still readable, with commas.</p>"
            + String(repeating: "</div>", count: depth)
        let article = WebArticle.read(html: Array(html.utf8))
        #expect(article == nil || article?.text.contains("buried very deep") == true)
    }

    @Test func aLargePageIsReadWhole() throws {
        let paragraph = "<p>Ten megabytes of prose, repeated, to check that the reader neither stalls nor crashes on a big page.</p>\n"
        let count = 10_000_000 / paragraph.utf8.count
        let html = "<html><body><article>" + String(repeating: paragraph, count: count) + "</article></body></html>"
        let article = try #require(WebArticle.read(html: Array(html.utf8)))
        #expect(article.text.hasPrefix("Ten megabytes of prose"))
        #expect(article.text.components(separatedBy: "\n\n").count == count)
    }
}

@Suite("Reading pages concurrently")
struct WebArticleConcurrencyTests {
    @Test func manyPagesAtOnceReadTheSame() async {
        let html = Array(Fixtures.classicArticle.utf8)
        let results = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<16 { group.addTask { WebArticle.read(html: html)?.text } }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == Fixtures.classicArticleText })
    }
}
