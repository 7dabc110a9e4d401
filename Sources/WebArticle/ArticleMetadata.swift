/// The article's metadata, each field taken from the most trustworthy source the page offers.
struct ArticleMetadata {
    var title: String?
    var publishedAt: String?
    var language: String?
    var canonicalURL: String?
    var byline: String?
    var siteName: String?

    /// The meta names pages put a publication date under, most specific first.
    static let dateMetas = [
        "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "parsely-pub-date",
        "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "publish-date", "publish_date",
        "pubdate", "publishdate", "date", "article.published", "cxenseparse:recs:publishtime", "article:modified_time",
    ]

    init(signals: PageSignals, linkedData: LinkedData, url: String?) {
        siteName = signals.meta("og:site_name", "application-name") ?? linkedData.publisher
        title = Self.title(signals: signals, linkedData: linkedData, siteName: siteName)
        publishedAt = Self.publicationDay(signals: signals, linkedData: linkedData)
        language =
            [signals.rootLanguage, linkedData.language, signals.meta("og:locale"), signals.meta("content-language")]
            .lazy.compactMap { $0.flatMap(LanguageTag.normalize) }.first
        canonicalURL =
            [signals.links["canonical"], signals.meta("og:url")].lazy
            .compactMap { $0.flatMap { PageLink.resolve($0, against: url) } }.first
        let authors =
            linkedData.authors.isEmpty
            ? [signals.meta("author", "article:author", "parsely-author", "sailthru.author")].compactMap { $0 } : linkedData.authors
        byline = Self.byline(authors.isEmpty ? Array(signals.authorTexts.prefix(1)) : authors)
    }

    /// The first publication day a source gives, most trustworthy first: JSON-LD, the date metas,
    /// `<time>` elements, then other metas whose names read as a publication date. Sources after
    /// the first that gives a day are not read.
    private static func publicationDay(signals: PageSignals, linkedData: LinkedData) -> String? {
        if let day = linkedData.datePublished.flatMap(PublicationDate.day) { return day }
        if let day = dateMetas.lazy.compactMap({ signals.meta($0) }).compactMap(PublicationDate.day).first { return day }
        if let day = signals.times.lazy.compactMap(PublicationDate.day).first { return day }
        return signals.metas.keys.sorted().lazy.filter(looksLikePublicationDateName).compactMap { signals.meta($0) }
            .compactMap(PublicationDate.day).first
    }

    /// Whether a meta name not in `dateMetas` still reads as a publication date (`sn-post-date`).
    private static func looksLikePublicationDateName(_ name: String) -> Bool {
        let dated = name.contains("date") || name.contains("time")
        let published = name.contains("pub") || name.contains("post") || name.contains("creat") || name.contains("issued")
        return dated && published && !name.contains("modif") && !name.contains("updat")
    }

    private static func title(signals: PageSignals, linkedData: LinkedData, siteName: String?) -> String? {
        if let headline = linkedData.headline { return headline }
        if let ogTitle = signals.meta("og:title", "twitter:title") { return Headline.stripSiteName(ogTitle, siteName: siteName) }
        if let heading = signals.headings.first(where: { !$0.isEmpty }) { return heading }
        return signals.title.map { Headline.stripSiteName($0, siteName: siteName) }
    }

    private static func byline(_ names: [String]) -> String? {
        var unique: [String] = []
        for name in names {
            var cleaned = name
            for prefix in ["By ", "by ", "BY "] where cleaned.hasPrefix(prefix) { cleaned = String(cleaned.dropFirst(prefix.count)) }
            if !cleaned.isEmpty, !cleaned.hasPrefix("http"), !unique.contains(cleaned) { unique.append(cleaned) }
        }
        return unique.isEmpty ? nil : unique.joined(separator: ", ")
    }
}
