/// Why bytes could not be read as a feed.
public enum FeedParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing XML-like could be read from the bytes at all.
    case notXML
    /// The document is XML but not RSS, RDF or Atom; carries the root element's name.
    case notAFeed(root: String)

    public var description: String {
        switch self {
        case .notXML: "not a feed: the body is not XML"
        case .notAFeed(let root): "not a feed: the document's root is <\(root)>, not rss, rdf or feed"
        }
    }
}
