#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A parsed RSS, RDF or Atom feed: its title and its items in document order.
///
/// ```swift
/// let feed = try FeedParser.parse(response.body, url: response.finalURL)
/// for item in feed.items { print(item.title, item.link ?? "-") }
/// ```
public struct Feed: Sendable, Hashable, Codable {
    /// The channel's or feed's title; empty when it has none.
    public var title: String
    /// The items (RSS) or entries (Atom), in document order.
    public var items: [FeedItem]

    /// A feed with these parts.
    public init(title: String, items: [FeedItem]) {
        self.title = title
        self.items = items
    }
}

/// One item of a ``Feed``.
public struct FeedItem: Sendable, Hashable, Codable {
    /// What identifies the item across polls: the `guid` or Atom `id`, else the link, else the
    /// title and date.
    public var id: String
    /// The title, as plain text.
    public var title: String
    /// The article's absolute address, resolved against the feed's; nil when the item has none.
    public var link: String?
    /// When the item was published (or, lacking that, updated).
    public var published: Date?
    /// The description, summary or content, as plain text.
    public var summary: String

    /// An item with these parts.
    public init(id: String, title: String, link: String?, published: Date?, summary: String) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.summary = summary
    }
}
