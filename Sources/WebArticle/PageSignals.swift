import Markup

/// The raw metadata a page carries, gathered in one pass before any of it is interpreted.
struct PageSignals {
    /// `<meta>` contents by lowercased `name`, `property`, `itemprop` or `http-equiv`, first one wins.
    var metas: [String: String] = [:]
    /// `<link>` hrefs by lowercased `rel` word, first one wins.
    var links: [String: String] = [:]
    /// The bodies of `<script type="application/ld+json">`.
    var linkedDataScripts: [String] = []
    /// The `<title>` text.
    var title: String?
    /// The `lang` of the root element.
    var rootLanguage: String?
    /// `datetime` values of `<time>` elements, in document order.
    var times: [String] = []
    /// Texts of elements explicitly marked as the author (`rel=author`, `itemprop=author`).
    var explicitAuthorTexts: [String] = []
    /// Texts of elements whose class or id says `author` or `byline`.
    var bylineTexts: [String] = []
    /// Texts of elements marked as the author: explicit marks first, then classes.
    var authorTexts: [String] { explicitAuthorTexts + bylineTexts }
    /// Texts of the `<h1>` elements, in document order.
    var headings: [String] = []

    /// The first meta content among `names`, non-empty and whitespace-normalized.
    func meta(_ names: String...) -> String? {
        for name in names {
            if let value = metas[name].map({ Whitespace.normalize(HTMLEntities.decode($0)) }), !value.isEmpty { return value }
        }
        return nil
    }
}
