import Testing

@testable import WebArticle

@Suite("Boilerplate filter")
struct BoilerplateFilterTests {
    private static let sentence = "A sentence long enough to read as prose, with a comma or two, and a full stop."

    private func kept(_ html: String) throws -> [String] {
        let body = try pageBody(html)
        let filter = BoilerplateFilter(blocks: TextBlockCollector.blocks(of: body, filter: .none))
        return TextBlockCollector.blocks(of: body, filter: filter).map(\.text)
    }

    @Test func markedFurnitureIsDropped() throws {
        let html =
            #"<div class="story"><p>\#(Self.sentence)</p><p>\#(Self.sentence)</p></div><div class="comments"><p>First, what a read.</p></div>"#
        #expect(try kept(html) == [Self.sentence, Self.sentence])
    }

    @Test func markedWrapperOfMostOfThePageIsKept() throws {
        let html = #"<form id="page"><p>\#(Self.sentence)</p><p>\#(Self.sentence)</p></form><nav><a href=1>Home</a></nav>"#
        #expect(try kept(html) == [Self.sentence, Self.sentence])
    }

    @Test func embeddedQuotationsAreKept() throws {
        let html = #"<p>\#(Self.sentence)</p><p>\#(Self.sentence)</p><div class="social-embed"><blockquote>Quoted post.</blockquote></div>"#
        #expect(try kept(html) == [Self.sentence, Self.sentence, "Quoted post."])
    }
}
