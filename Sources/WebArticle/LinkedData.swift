import Foundation
import Markup

/// The article fields of a page's JSON-LD (`<script type="application/ld+json">`), read from the
/// first object typed as an article (`NewsArticle`, `BlogPosting`, ...), anywhere in `@graph`s,
/// arrays or nested values.
struct LinkedData {
    /// The types read as an article.
    static let articleTypes: Set<String> = [
        "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "liveblogposting", "techarticle",
        "scholarlyarticle", "socialmediaposting", "report", "posting", "discussionforumposting",
    ]

    var headline: String?
    var datePublished: String?
    var authors: [String] = []
    var publisher: String?
    var language: String?
    var articleBody: String?

    /// Reads the first article object out of `scripts`; empty when none parses.
    init(scripts: [String]) {
        var candidates: [[String: Any]] = []
        for script in scripts {
            guard let value = Self.parse(script) else { continue }
            Self.collectObjects(in: value, into: &candidates, depth: 0)
        }
        let article = candidates.first { Self.types(of: $0).contains(where: Self.articleTypes.contains) }
        // Read only when the article names no publisher.
        func websiteName() -> String? {
            candidates.lazy.compactMap { Self.types(of: $0).contains("website") ? Self.string($0["name"]) : nil }.first
        }
        guard let article else {
            publisher = websiteName()
            return
        }
        headline = Self.string(article["headline"]) ?? Self.string(article["name"])
        datePublished = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        authors = Self.names(article["author"])
        publisher = Self.names(article["publisher"]).first ?? websiteName()
        language = Self.names(article["inLanguage"]).first
        articleBody = Self.string(article["articleBody"])
    }

    private static func parse(_ script: String) -> Any? {
        var text = script
        for wrapper in ["<!--", "-->", "<![CDATA[", "]]>", "//<![CDATA[", "//]]>"] where text.contains(wrapper) {
            text = text.replacingOccurrences(of: wrapper, with: "")
        }
        // Raw line breaks inside strings are invalid JSON but common; outside strings they are only whitespace.
        let data = Data(text.utf8.map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? 0x20 : $0 })
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    private static func collectObjects(in value: Any, into found: inout [[String: Any]], depth: Int) {
        guard depth < 8 else { return }
        if let array = value as? [Any] {
            for element in array { collectObjects(in: element, into: &found, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            found.append(object)
            if let graph = object["@graph"] { collectObjects(in: graph, into: &found, depth: depth + 1) }
            for key in ["mainEntity", "mainEntityOfPage", "itemListElement", "item"] {
                if let nested = object[key] { collectObjects(in: nested, into: &found, depth: depth + 1) }
            }
        }
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        return (object["@type"] as? [Any])?.compactMap { ($0 as? String)?.lowercased() } ?? []
    }

    private static func string(_ value: Any?) -> String? {
        guard let text = value as? String else { return nil }
        let normalized = Whitespace.normalize(HTMLEntities.decode(text))
        return normalized.isEmpty ? nil : normalized
    }

    /// Names from a string, an object with `name`, or an array of either.
    private static func names(_ value: Any?) -> [String] {
        if let text = string(value) { return [text] }
        if let object = value as? [String: Any] { return string(object["name"]).map { [$0] } ?? [] }
        if let array = value as? [Any] { return array.flatMap { names($0) } }
        return []
    }
}
