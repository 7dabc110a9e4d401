import Markup

/// The article read out of one HTML page.
///
/// ```swift
/// if let article = WebArticle.read(html: bytes, url: "https://example.com/news/1") {
///     print(article.title, article.publishedAt ?? "undated")
/// }
/// ```
public struct WebArticle: Sendable, Hashable {
    /// The headline: JSON-LD `headline`, `og:title`, the page's `<h1>`, or `<title>` without the site's name.
    public var title: String
    /// The main text: paragraphs, subheads and list items of the body, separated by blank lines.
    public var text: String
    /// The publication day, `YYYY-MM-DD`, as written in the page's own time zone.
    public var publishedAt: String?
    /// The BCP 47 language tag (`en-US`).
    public var language: String?
    /// The canonical address, absolute.
    public var canonicalURL: String?
    /// The author or authors, comma-separated.
    public var byline: String?
    /// The publication's name.
    public var siteName: String?

    /// Creates an article from its parts.
    public init(
        title: String, text: String, publishedAt: String? = nil, language: String? = nil, canonicalURL: String? = nil,
        byline: String? = nil, siteName: String? = nil
    ) {
        self.title = title
        self.text = text
        self.publishedAt = publishedAt
        self.language = language
        self.canonicalURL = canonicalURL
        self.byline = byline
        self.siteName = siteName
    }

    /// Reads the article out of an HTML page; `url` is the page's address, used to make relative
    /// links absolute. `encoding` (an IANA charset name: from an HTTP `Content-Type`, or UTF-8 for
    /// text that was a Unicode string) wins over what the page declares. Returns nil only when
    /// the page holds no readable text at all.
    public static func read(html: [UInt8], url: String? = nil, encoding: String? = nil) -> WebArticle? {
        guard !html.isEmpty, let document = MarkupDocument.html(html, url: url, encoding: encoding ?? CharacterEncoding.sniff(html)),
            let root = document.root
        else { return nil }
        let signals = PageSignals(document: root)
        let linkedData = LinkedData(scripts: signals.linkedDataScripts)
        let metadata = ArticleMetadata(signals: signals, linkedData: linkedData, url: url)
        let body = PageElement.build(from: root.elements.first { $0.name == "body" } ?? root)
        var paragraphs = MainTextReader.paragraphs(in: body, title: metadata.title, hint: linkedData.articleBody)
        if paragraphs.isEmpty, let articleBody = linkedData.articleBody { paragraphs = [articleBody] }
        guard !paragraphs.isEmpty else { return nil }
        return WebArticle(
            title: metadata.title ?? "", text: paragraphs.joined(separator: "\n\n"), publishedAt: metadata.publishedAt,
            language: metadata.language, canonicalURL: metadata.canonicalURL, byline: metadata.byline, siteName: metadata.siteName)
    }
}
