import Testing

@testable import WebArticle

@Suite("Content scores")
struct ContentScoreTests {
    private static let sentence = "A sentence long enough to read as prose, with a comma or two, and a full stop."

    // The body is kept alive throughout: elements know their parents only weakly.
    private func best(_ html: String, hint: String? = nil) throws -> PageElement? {
        let body = try pageBody(html)
        return withExtendedLifetime(body) {
            ContentScore(blocks: TextBlockCollector.blocks(of: body, filter: .none), hint: hint).best
        }
    }

    @Test func proseBeatsLinks() throws {
        let links = (1...20).map { "<li><a href=\($0)>Another story worth a click, number \($0)</a></li>" }.joined()
        let html = #"<div class="list"><ul>\#(links)</ul></div><div class="words"><p>\#(Self.sentence)</p><p>\#(Self.sentence)</p></div>"#
        #expect(try best(html)?.hints == "words")
    }

    @Test func articleBodyMarkerBreaksATie() throws {
        let html = #"<div class="one"><p>\#(Self.sentence)</p></div><div itemprop="articleBody"><p>\#(Self.sentence)</p></div>"#
        #expect(try best(html)?.itemProperty == "articlebody")
    }

    @Test func structuredBodyHintSteersTheChoice() throws {
        let other = "Another sentence of the same length, about something else, which also ends."
        let html = #"<div class="one"><p>\#(other)</p></div><div class="two"><p>\#(Self.sentence)</p></div>"#
        #expect(try best(html, hint: Self.sentence)?.hints == "two")
    }

    @Test func noProseNoBest() throws {
        #expect(try best("<div><a href=1>Home</a> <a href=2>News</a></div>") == nil)
    }

    @Test(arguments: [
        (TextBlock.Kind.paragraph, 30, 0, true), (.paragraph, 10, 0, false), (.heading, 80, 0, false), (.loose, 60, 40, false),
    ])
    func prose(kind: TextBlock.Kind, length: Int, linkLength: Int, expected: Bool) {
        let block = TextBlock(
            text: String(repeating: "a", count: length), length: length, linkLength: linkLength, kind: kind, owner: PageElement(name: "p"))
        #expect(ContentScore.isProse(block) == expected)
    }
}
