import Testing

@testable import WebArticle

@Suite("Article metadata sources")
struct ArticleMetadataTests {
    private static let story = "<p>The ferry service resumed on Monday after a week of storms, with extra sailings, the operator said.</p>"

    private func read(head: String, body: String = story, rootAttributes: String = "", url: String? = nil) throws -> WebArticle {
        let html = "<html \(rootAttributes)><head>\(head)</head><body>\(body)</body></html>"
        return try #require(WebArticle.read(html: Array(html.utf8), url: url))
    }

    @Test func openGraphTags() throws {
        let article = try read(
            head: """
                <meta property="og:title" content="Ferries sail again | Coast Weekly">
                <meta property="og:site_name" content="Coast Weekly">
                <meta property="og:locale" content="en_US">
                <meta property="og:url" content="https://coast.example/ferries">
                """)
        #expect(article.title == "Ferries sail again")
        #expect(article.siteName == "Coast Weekly")
        #expect(article.language == "en-US")
        #expect(article.canonicalURL == "https://coast.example/ferries")
    }

    @Test func linkedDataGraphWinsOverMetaTags() throws {
        let article = try read(
            head: """
                <meta property="article:published_time" content="2020-01-01">
                <script type="application/ld+json">
                [{"@context": "https://schema.org", "@graph": [{"@type": "BreadcrumbList"},
                  {"@type": "ReportageNewsArticle", "headline": "Ferries sail again", "datePublished": "2021-06-30T22:30:00-07:00",
                   "author": "Ana Reyes", "inLanguage": "es_MX", "publisher": {"name": "Costa Semanal"}}]}]
                </script>
                """)
        #expect(article.title == "Ferries sail again")
        #expect(article.publishedAt == "2021-06-30")
        #expect(article.byline == "Ana Reyes")
        #expect(article.language == "es-MX")
        #expect(article.siteName == "Costa Semanal")
    }

    @Test(
        arguments: [
            (#"<meta property="article:published_time" content="2019-11-18T05:00:00Z">"#, "2019-11-18"),
            (#"<meta name="parsely-pub-date" content="2019-11-17T20:00:00-08:00">"#, "2019-11-17"),
            (#"<meta name="DC.date.issued" content="2018-02-03">"#, "2018-02-03"),
            (#"<meta name="sailthru.date" content="2017/05/06 10:00:00">"#, "2017-05-06"),
            (#"<meta name="pubdate" content="20160708">"#, "2016-07-08"),
            (#"<meta name="site-post-date" content="2015/01/02">"#, "2015-01-02"),
            (#"<meta name="last-updated-date" content="2015/01/02">"#, nil),
        ] as [(String, String?)])
    func dateMetas(meta: String, day: String?) throws {
        #expect(try read(head: meta).publishedAt == day)
    }

    @Test func timeElementInTheArticle() throws {
        let body = #"<article><time datetime="2022-09-14T09:15:00+02:00">14 September</time>"# + Self.story + "</article>"
        #expect(try read(head: "", body: body).publishedAt == "2022-09-14")
    }

    @Test func rootLanguageAndRelativeCanonical() throws {
        let article = try read(
            head: #"<link rel="canonical" href="../ferries?id=7">"#, rootAttributes: #"lang="fr-ca""#,
            url: "https://coast.example/news/today/index.html")
        #expect(article.language == "fr-CA")
        #expect(article.canonicalURL == "https://coast.example/news/ferries?id=7")
    }

    @Test func httpEquivContentLanguage() throws {
        #expect(try read(head: #"<meta http-equiv="Content-Language" content="pt-br">"#).language == "pt-BR")
    }

    @Test func bylineFromMarkup() throws {
        let body = #"<div class="article-byline"><a rel="author" href="/staff/li">By Li Wen</a></div>"# + Self.story
        let article = try read(head: "<title>Ferries sail again - Coast Weekly</title>", body: body)
        #expect(article.byline == "Li Wen")
        #expect(article.title == "Ferries sail again")
        #expect(!article.text.contains("Li Wen"))
    }

    @Test func doublyEscapedMetaTagsAreDecoded() throws {
        let head = #"<meta property="og:title" content="&amp;#8216;Tides&amp;#8217; &amp;amp; more">"#
        #expect(try read(head: head).title == "\u{2018}Tides\u{2019} & more")
    }

    @Test func commentFormAuthorLabelsAreNotBylines() throws {
        let body = #"<form><label class="comment-form-author">Name (required)</label></form>"# + Self.story
        #expect(try read(head: "", body: body).byline == nil)
    }

    @Test func metaAuthor() throws {
        #expect(try read(head: #"<meta name="author" content="Sam Ortiz">"#).byline == "Sam Ortiz")
    }

    @Test func noMetadataLeavesFieldsEmpty() throws {
        let article = try read(head: "")
        #expect(article.publishedAt == nil && article.language == nil && article.canonicalURL == nil)
        #expect(article.byline == nil && article.siteName == nil && article.title == "")
    }
}
