import Markup

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns the elements of a parsed feed into ``FeedItem``s, resolving links against `base`.
struct FeedReader {
    let base: String?

    static let atomNamespace = "http://www.w3.org/2005/Atom"
    private static let rssNamespaces: Set<String?> = [nil, "http://purl.org/rss/1.0/", "http://backend.userland.com/rss2"]
    private static let atomNamespaces: Set<String?> = [atomNamespace, nil]

    /// RSS 0.9x/2.0 (`rss/channel/item`) and RSS 1.0 (`rdf:RDF/item`, items beside the channel).
    func rss(_ root: MarkupNode) -> Feed {
        let channel = root.localName == "channel" ? root : root.children("channel", preferring: Self.rssNamespaces).first
        let title = channel?.childText("title", preferring: Self.rssNamespaces) ?? ""
        let items = root.descendants.filter { $0.localName == "item" && Self.rssNamespaces.contains($0.namespace) }
        return Feed(title: PlainText.from(title), items: items.map(rssItem))
    }

    /// Atom 1.0 (`feed/entry`).
    func atom(_ root: MarkupNode) -> Feed {
        let title = root.childText("title", preferring: Self.atomNamespaces) ?? ""
        let entries = root.elements.filter { $0.localName == "entry" }
        return Feed(title: PlainText.from(title), items: entries.map(atomEntry))
    }

    private func rssItem(_ item: MarkupNode) -> FeedItem {
        let title = PlainText.from(item.childText("title", preferring: Self.rssNamespaces) ?? "")
        let guid = item.children("guid", preferring: Self.rssNamespaces).first
        let guidText = guid?.text.trimmed()
        let permalink = guid?.attribute("isPermaLink")?.lowercased() != "false" ? guidText : nil
        let rawLink =
            item.childText("link", preferring: Self.rssNamespaces)
            ?? atomLink(item)
            ?? permalink.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil }
        let link = rawLink.flatMap(resolve)
        let dateText = ["pubdate", "date", "published", "updated", "issued", "modified"].lazy.compactMap {
            item.childText($0, preferring: [nil, "http://purl.org/dc/elements/1.1/"])
        }
        let published = dateText.lazy.compactMap(FeedDate.parse).first
        let summaryText =
            item.childText("description", preferring: Self.rssNamespaces) ?? item.childText("encoded", preferring: [])
            ?? item.childText("summary", preferring: []) ?? ""
        let id = Self.identifier(guid: guidText, link: link, title: title, published: published)
        return FeedItem(id: id, title: title, link: link, published: published, summary: PlainText.from(summaryText))
    }

    private func atomEntry(_ entry: MarkupNode) -> FeedItem {
        let title = PlainText.from(entry.childText("title", preferring: Self.atomNamespaces) ?? "")
        let link = atomLink(entry).flatMap(resolve)
        let published = ["published", "updated", "issued", "modified", "created"].lazy.compactMap {
            entry.childText($0, preferring: Self.atomNamespaces).flatMap(FeedDate.parse)
        }.first
        let summaryText =
            entry.childText("summary", preferring: Self.atomNamespaces) ?? entry.childText("content", preferring: Self.atomNamespaces) ?? ""
        let id = Self.identifier(
            guid: entry.childText("id", preferring: Self.atomNamespaces), link: link, title: title, published: published)
        return FeedItem(id: id, title: title, link: link, published: published, summary: PlainText.from(summaryText))
    }

    /// The `href` of the entry's alternate link: `rel="alternate"` or no `rel`, else any link
    /// but the feed's own, an enclosure or a reply thread.
    private func atomLink(_ node: MarkupNode) -> String? {
        let links = node.elements.filter { $0.localName == "link" && $0.attribute("href") != nil }
        let alternate = links.first { ($0.attribute("rel") ?? "alternate").lowercased() == "alternate" }
        let fallback = links.first { !["self", "enclosure", "replies", "edit", "hub"].contains(($0.attribute("rel") ?? "").lowercased()) }
        return (alternate ?? fallback)?.attribute("href")?.trimmed()
    }

    private func resolve(_ link: String) -> String? {
        guard !link.isEmpty else { return nil }
        guard let base else { return link }
        return CanonicalURL.resolve(link, against: base) ?? link
    }

    private static func identifier(guid: String?, link: String?, title: String, published: Date?) -> String {
        if let guid, !guid.isEmpty { return guid }
        if let link { return link }
        return "\(title)|\(published.map { String(Int($0.timeIntervalSince1970)) } ?? "")"
    }
}
