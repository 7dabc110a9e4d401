/// What an element's tag, `class`, `id` and `role` say about whether it holds page furniture
/// (navigation, banners, share bars, comments) rather than the article.
///
/// The markers are conventions common across the web, matched against the words of the
/// `class` and `id` values (`"post-comments__list"` reads as `post`, `comments`, `list`).
enum BoilerplateHints {
    /// How sure a hint is.
    enum Verdict: Equatable {
        /// Nothing marks the element.
        case none
        /// Layout words (navigation, header, meta) that content wrappers sometimes carry too.
        case weak
        /// Words that name something other than the article (comments, related links, cookies).
        case strong
    }

    /// Tags that hold furniture by definition.
    static let furnitureTags: Set<String> = [
        "nav", "aside", "footer", "header", "form", "menu", "dialog", "figure", "figcaption", "caption",
    ]

    /// Word prefixes that name something other than the article.
    static let strongPrefixes = [
        "comment", "disqus", "share", "sharing", "sharebar", "social", "related", "promo", "newsletter", "cookie", "consent",
        "gdpr", "subscri", "advert", "sponsor", "sidebar", "breadcrumb", "footer", "caption", "popup", "modal", "signup",
        "recommend", "outbrain", "taboola", "trending", "mostpopular", "mostread", "readmore", "moreon", "morestories",
        "alsolike", "paywall", "overlay", "credit", "copyright", "follow",
        "toolbar", "jumplink", "skiplink", "screenreader", "sronly", "visuallyhidden", "pagination", "tooltip", "popover",
        "hovercard", "rollover",
    ]

    /// Whole words that name something other than the article.
    static let strongWords: Set<String> = [
        "ad", "ads", "adv", "adbox", "adslot", "dfp", "gpt", "tags", "tag", "print", "rating", "login", "pager",
    ]

    /// Whole words of layout that also appear on content wrappers now and then.
    static let weakWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "banner", "masthead", "header", "meta", "byline", "author", "authors", "date",
        "dateline", "timestamp", "published", "aside", "topbar", "widget", "links", "tools", "utility", "actions",
        "teaser", "teasers", "card", "cards", "carousel", "slider", "gallery", "video", "photo", "image",
        "figure", "media", "info", "infobox", "box", "bio", "about", "contact", "headline", "title", "kicker", "label",
    ]

    /// Words that mark the article's own container.
    static let contentWords: Set<String> = [
        "article", "content", "body", "story", "entry", "post", "main", "prose", "blog", "articlebody",
        "storybody", "postbody", "entrycontent", "postcontent", "articlecontent", "richtext",
    ]

    /// Roles that mark furniture.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar", "toolbar",
    ]

    /// The verdict for one element.
    static func verdict(for element: PageElement) -> Verdict {
        if element.itemProperty == "articlebody" || element.role == "main" || element.role == "article" { return .none }
        if ["article", "main", "body", "html"].contains(element.name) { return .none }
        let words = element.hintWords
        let byTag = furnitureTags.contains(element.name) || furnitureRoles.contains(element.role)
        var verdict = byTag ? Verdict.weak : .none
        for (index, word) in words.enumerated() {
            let pair = index + 1 < words.count ? word + words[index + 1] : ""
            if strongWords.contains(word) || strongPrefixes.contains(where: { word.hasPrefix($0) || (!pair.isEmpty && pair.hasPrefix($0)) })
            {
                return .strong
            }
            if weakWords.contains(word) { verdict = .weak }
        }
        if verdict == .weak, !byTag, words.contains(where: contentWords.contains) {
            return .none
        }
        return verdict
    }

    /// Whether the `class` or `id` words mark the article's own container.
    static func marksContent(_ element: PageElement) -> Bool {
        element.itemProperty == "articlebody" || element.hintWords.contains(where: contentWords.contains)
    }

    /// The words of a `class`/`id` value: runs of letters and digits (any non-ASCII byte counts as a letter).
    static func words(of hints: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in hints.utf8 {
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWordByte {
                current.append(byte)
            } else if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
