import Extraction
import Feeds
import HTTPServer
import NewsModel
import WebArticle

extension ArticleInput {
    static let writeFields: Set<String> = ["title", "body", "publishedAt", "source", "language"]
    static let pageFields: Set<String> = ["html", "title", "publishedAt", "source", "language"]

    /// Reads and checks the body of `POST /articles`: either the article's text,
    /// `{title, body, publishedAt (YYYY-MM-DD), source: {name, url?}, language?}`, or a web page,
    /// `{html, source?: {name?, url?}, title?, publishedAt?, language?}` (see ``readPage(_:)``).
    static func read(_ body: JSONValue) throws(HTTPError) -> ArticleInput {
        var validator = FieldValidator()
        guard let object = validator.object(body, "") else {
            try validator.check()
            preconditionFailure("a missing object is an error")
        }
        if object["html"] != nil { return try readPage(object) }
        validator.onlyKnown(object, writeFields)
        let title = validator.string(object["title"], "title", maxLength: 1_000)
        let text = validator.string(object["body"], "body")
        let publishedAt = validator.day(object["publishedAt"], "publishedAt")
        let language = readLanguage(object, &validator)
        let source = readSource(object, &validator, required: true)
        try validator.check()
        guard let title, let text, let publishedAt, let name = source?.name else { preconditionFailure("checked above") }
        return ArticleInput(
            title: title, text: text, publishedAt: publishedAt, source: Source(name: name, url: source?.url), language: language ?? "en")
    }

    /// An article given as a web page: its main text, headline, publication day, language,
    /// canonical URL and publication name are read out of `html`; a member sent beside it wins
    /// over what the page says. Without `source.url`, the page's canonical URL is the source's.
    static func readPage(_ object: [String: JSONValue]) throws(HTTPError) -> ArticleInput {
        var validator = FieldValidator()
        validator.onlyKnown(object, pageFields)
        let html = validator.string(object["html"], "html")
        let title = validator.string(object["title"], "title", required: false, maxLength: 1_000)
        let publishedAt = validator.day(object["publishedAt"], "publishedAt", required: false)
        let language = readLanguage(object, &validator)
        let source = readSource(object, &validator, required: false)
        try validator.check()
        let given = PageFacts(title: title, publishedAt: publishedAt, language: language, sourceName: source?.name, sourceURL: source?.url)
        // A JSON string is Unicode: its bytes are UTF-8 whatever charset the page declares.
        return try page(html.map { Array($0.utf8) } ?? [], url: source?.url, encoding: "UTF-8", given: given)
    }

    /// What is known of a page's article besides the page itself.
    struct PageFacts {
        var title: String?
        var publishedAt: Day?
        var language: String?
        var sourceName: String?
        var sourceURL: String?
    }

    /// The article read out of the page `html` fetched from `url` (its bytes in `encoding`, else
    /// as the page declares): `given` facts win over what the page says, and `fallback` facts (a
    /// feed item's title and date) fill what it leaves out. The source URL is the one given,
    /// else the page's canonical URL, else `fallback`'s; with `canonicalOnSameHost`, a canonical
    /// URL on another host than `url`'s is not believed (a page fetched from elsewhere cannot
    /// claim another site's article).
    /// - Throws: 422 naming `html` when the page holds no article text, and `title`,
    ///   `publishedAt` or `source.name` when neither the facts nor the page give them.
    static func page(
        _ html: [UInt8], url: String?, encoding: String? = nil, given: PageFacts, fallback: PageFacts = PageFacts(),
        canonicalOnSameHost: Bool = false
    ) throws(HTTPError) -> ArticleInput {
        guard let page = WebArticle.read(html: html, url: url, encoding: encoding) else {
            throw FieldError.unprocessable([FieldError(field: "html", problem: "holds no readable article text.")])
        }
        var validator = FieldValidator()
        let canonical = page.canonicalURL.flatMap { link in
            isWebURL(link) && (!canonicalOnSameHost || CanonicalURL(link)?.host == url.flatMap { CanonicalURL($0)?.host }) ? link : nil
        }
        let sourceURL = given.sourceURL ?? canonical ?? fallback.sourceURL
        let title = given.title ?? (page.title.isEmpty ? nil : String(page.title.prefix(1_000))) ?? fallback.title
        let day = given.publishedAt ?? page.publishedAt.flatMap(Day.init) ?? fallback.publishedAt
        let name = given.sourceName ?? page.siteName ?? fallback.sourceName ?? sourceURL.flatMap { CanonicalURL($0)?.host }
        if title == nil { validator.fail("title", "is needed: the page has no headline.") }
        if day == nil { validator.fail("publishedAt", "is needed: the page gives no publication date.") }
        if name == nil { validator.fail("source.name", "is needed: the page names no publication and has no URL.") }
        try validator.check()
        guard let title, let day, let name else { preconditionFailure("checked above") }
        let pageLanguage = page.language.flatMap { isLanguageTag($0) ? $0 : nil }
        return ArticleInput(
            title: title, text: page.text, publishedAt: day, source: Source(name: name, url: sourceURL),
            language: given.language ?? pageLanguage ?? fallback.language ?? "en")
    }

    private static func readLanguage(_ object: [String: JSONValue], _ validator: inout FieldValidator) -> String? {
        let language = validator.string(object["language"], "language", required: false)
        if let language, !isLanguageTag(language) {
            validator.fail("language", "must be a BCP 47 language tag like en or pt-BR, got \"\(language)\".")
        }
        return language
    }

    /// `source`: `{name, url?}`, its name needed only when `required`.
    private static func readSource(
        _ object: [String: JSONValue], _ validator: inout FieldValidator, required: Bool
    ) -> (name: String?, url: String?)? {
        guard let members = validator.object(object["source"], "source", required: required) else { return nil }
        validator.onlyKnown(members, ["name", "url"], prefix: "source")
        let name = validator.string(members["name"], "source.name", required: required, maxLength: 500)
        let url = validator.string(members["url"], "source.url", required: false, maxLength: 4_000)
        if let url, !isWebURL(url) {
            validator.fail("source.url", "must be an absolute http or https URL, got \"\(url)\".")
        }
        return (name, url)
    }

    /// `en`, `pt-BR`, `zh-Hant-TW`: letters and digits in dash-separated parts, the first 2 to 8 letters.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let rest = ["http://", "https://"].first(where: lower.hasPrefix).map({ lower.dropFirst($0.count) }) else { return false }
        return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(where: { $0.isWhitespace })
    }
}
