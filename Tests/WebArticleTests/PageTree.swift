import Markup
import Testing

@testable import WebArticle

/// The reader's tree of a page's body, for tests of the passes that walk it.
func pageBody(_ html: String) throws -> PageElement {
    let document = try #require(MarkupDocument.html(Array(html.utf8), encoding: "UTF-8"))
    let root = try #require(document.root)
    return PageElement.build(from: root.first("body") ?? root)
}
