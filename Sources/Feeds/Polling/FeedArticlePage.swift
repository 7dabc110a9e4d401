/// An article page found through a feed, handed to the poller's sink.
public struct FeedArticlePage: Sendable {
    /// The address of the feed that listed the item.
    public var feedURL: String
    /// The feed item, as parsed.
    public var item: FeedItem
    /// Where the page came from after redirects.
    public var pageURL: String
    /// The page's bytes, decoded from any content coding but not from its charset.
    public var html: [UInt8]
    /// The `Content-Type` the server sent; empty when it sent none.
    public var contentType: String

    /// A page with these parts.
    public init(feedURL: String, item: FeedItem, pageURL: String, html: [UInt8], contentType: String) {
        self.feedURL = feedURL
        self.item = item
        self.pageURL = pageURL
        self.html = html
        self.contentType = contentType
    }
}
