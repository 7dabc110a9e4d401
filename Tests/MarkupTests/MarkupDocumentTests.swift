import Markup
import Testing

@Suite("Markup documents")
struct MarkupDocumentTests {
    @Test func malformedHTMLIsRecovered() throws {
        let page = try #require(MarkupDocument.html(Array("<html lang=en><title>A &amp; B</title><p>One<p>Two &copy; <b>bold".utf8)))
        let root = try #require(page.root)
        #expect(root.attribute("LANG") == "en")
        #expect(root.first("title")?.text == "A & B")
        #expect(root.descendants.filter { $0.name == "p" }.map(\.text) == ["One", "Two © bold"])
    }

    @Test func xmlWithAStrayAmpersandKeepsWhatItCan() throws {
        let feed = try #require(
            MarkupDocument.xml(Array("<rss><channel><item><title>Q & A</title><link>http://a/1</link></item></channel></rss>".utf8)))
        let item = try #require(feed.root?.first("item"))
        #expect(item.first("link")?.text == "http://a/1")
        #expect(item.elements.map(\.name) == ["title", "link"])
    }

    @Test func externalEntitiesAreNotExpanded() throws {
        let text = #"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#
        let document = try #require(MarkupDocument.xml(Array(text.utf8)))
        #expect(!(document.root?.text.contains("root:") ?? false))
    }

    @Test func namespacesAndParentsAreRead() throws {
        let text = #"<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://a/2"/></entry></feed>"#
        let link = try #require(MarkupDocument.xml(Array(text.utf8))?.root?.first("link"))
        #expect(link.namespace == "http://www.w3.org/2005/Atom")
        #expect(link.attribute("href") == "http://a/2")
        #expect(link.parent?.name == "entry")
    }
}

@Suite("Markup node walks")
struct MarkupNodeWalkTests {
    @Test func siblingsCommentsAndOwnTextAreRead() throws {
        let page = try #require(MarkupDocument.html(Array("<html><body><p>a<!-- note --><b>b</b>c</p></body></html>".utf8)))
        let paragraph = try #require(page.root?.first("p"))
        var kinds: [String] = []
        var child = paragraph.firstChild
        while let node = child {
            kinds.append(node.isComment ? "comment:\(node.ownText)" : node.isText ? "text:\(node.ownText)" : "element:\(node.name)")
            child = node.nextSibling
        }
        #expect(kinds == ["text:a", "comment: note ", "element:b", "text:c"])
        #expect(paragraph.ownText == "")
        #expect(paragraph.attributes.isEmpty)
    }

    @Test func attributesAreReadInOrderWithEntities() throws {
        let page = try #require(MarkupDocument.html(Array(#"<p ID="x" Title="A &amp; B" data-n=1>t</p>"#.utf8)))
        let paragraph = try #require(page.root?.first("p"))
        #expect(paragraph.attributes.map(\.name) == ["id", "title", "data-n"])
        #expect(paragraph.attribute("TITLE") == "A & B")
        #expect(paragraph.attribute("missing") == nil)
    }
}
