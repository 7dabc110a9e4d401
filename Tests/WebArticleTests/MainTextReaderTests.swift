import Testing

@testable import WebArticle

@Suite("Main text")
struct MainTextReaderTests {
    private static let sentence = "A sentence long enough to read as prose, with a comma or two, and a full stop."

    private func paragraphs(_ html: String, title: String? = nil) throws -> [String] {
        MainTextReader.paragraphs(in: try pageBody(html), title: title, hint: nil)
    }

    @Test func articleSplitByAnAdvertisementIsReadWhole() throws {
        let part = #"<div class="story-part"><p>\#(Self.sentence)</p><p>\#(Self.sentence)</p></div>"#
        let html =
            #"<div class="a">\#(part)</div><div class="ad-slot"><p>Buy now, today only, while stocks last, at your store.</p></div><div class="b">\#(part)</div>"#
        #expect(try paragraphs(html) == Array(repeating: Self.sentence, count: 4))
    }

    @Test func linkListsAndLabelsInsideTheArticleAreDropped() throws {
        let html = """
            <article><p>\(Self.sentence)</p><div>Advertisement</div>
            <p><a href=1>Read more about ferries and harbours</a> <a href=2>and about boats</a></p><p>\(Self.sentence)</p></article>
            """
        #expect(try paragraphs(html) == [Self.sentence, Self.sentence])
    }

    @Test func headlineRepeatedInTheBodyAndTrailingHeadingsAreDropped() throws {
        let html =
            "<article><h1>The Title</h1><p>\(Self.sentence)</p><h2>Part two</h2><p>\(Self.sentence)</p><h3>More from us</h3></article>"
        #expect(try paragraphs(html, title: "The Title") == [Self.sentence, "Part two", Self.sentence])
    }

    @Test func furnitureHoldingMostOfThePageIsStillRead() throws {
        let html = #"<div class="sidebar-layout"><p>\#(Self.sentence)</p><p>\#(Self.sentence)</p></div><div class="x">Short.</div>"#
        #expect(try paragraphs(html) == [Self.sentence, Self.sentence])
    }
}
