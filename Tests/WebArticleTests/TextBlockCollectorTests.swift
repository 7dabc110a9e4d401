import Testing

@testable import WebArticle

@Suite("Text blocks")
struct TextBlockCollectorTests {
    private func blocks(_ html: String) throws -> [TextBlock] {
        TextBlockCollector.blocks(of: try pageBody(html), filter: .none)
    }

    @Test func blockElementsSplitAndInlineElementsJoin() throws {
        let found = try blocks("<div>Lead <b>bold</b> text<p>One <a href=x>link</a>.</p><h2>Sub</h2><ul><li>Item</li></ul>tail</div>")
        #expect(found.map(\.text) == ["Lead bold text", "One link.", "Sub", "Item", "tail"])
        #expect(found.map(\.kind) == [.loose, .paragraph, .heading, .listItem, .loose])
        #expect(found[1].linkLength == 4)
    }

    @Test func oneBreakJoinsTwoBreaksSplit() throws {
        #expect(try blocks("<div>a<br>b<br><br>c<br> <br>d</div>").map(\.text) == ["a b", "c", "d"])
    }

    @Test func tableRowsReadAsLines() throws {
        let found = try blocks("<table><tr><th>Pos</th><th>Name</th></tr><tr><td>1</td><td>Ann <i>Lee</i></td></tr></table>")
        #expect(found.map(\.text) == ["Pos Name", "1 Ann Lee"])
        #expect(found.allSatisfy { $0.kind == .cell })
    }

    @Test func unreadAndHiddenElementsAreSkipped() throws {
        let found = try blocks(
            #"<p>Shown<script>x()</script><style>p{}</style></p><p hidden>No</p><p style="display: none">No</p><!-- c --><p>Too</p>"#)
        #expect(found.map(\.text) == ["Shown", "Too"])
    }
}
