import Markup

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom 1.0 feeds into a ``Feed``, tolerating the
/// usual damage: junk or a byte order mark before the XML, bare `&` and HTML entities,
/// undeclared prefixes, a wrong or missing encoding declaration, unclosed tags.
///
/// ```swift
/// let feed = try FeedParser.parse(bytes, url: "https://example.org/feed.xml")
/// feed.items.first?.link  // absolute, resolved against the feed's address
/// ```
public enum FeedParser {
    /// Parses `bytes`; relative links are resolved against `url` when given.
    ///
    /// Throws ``FeedParseError`` when the bytes are not XML or not a feed.
    public static func parse(_ bytes: [UInt8], url: String? = nil) throws -> Feed {
        let prepared = FeedRepair.prepare(bytes)
        guard let root = MarkupDocument.xml(prepared, url: url)?.root else { throw FeedParseError.notXML }
        let reader = FeedReader(base: url)
        switch root.localName {
        case "rss", "channel", "rdf": return reader.rss(root)
        case "feed": return reader.atom(root)
        default: throw FeedParseError.notAFeed(root: root.name)
        }
    }
}
