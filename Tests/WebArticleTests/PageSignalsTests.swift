import Markup
import Testing

@testable import WebArticle

@Suite("Page signals")
struct PageSignalsTests {
    private func signals(_ html: String) throws -> PageSignals {
        let root = try #require(MarkupDocument.html(Array(html.utf8))?.root)
        return PageSignals(document: root)
    }

    @Test func headAndBodySignalsAreGathered() throws {
        let found = try signals(
            """
            <html lang="nl"><head><title> A  title </title><meta NAME="Author" content="X"><meta property="og:title" content="First">
            <meta property="og:title" content="Second"><link rel="canonical stylesheet" href="/c">
            <script type="application/ld+json">{"@type": "Article"}</script><script>var ignored = "<time datetime=2000-01-01>";</script></head>
            <body><h1>Head <i>line</i></h1><time datetime="2024-01-02">2 Jan</time><span itemprop="datePublished" content="2023-12-31"></span></body></html>
            """)
        #expect(found.rootLanguage == "nl")
        #expect(found.title == "A title")
        #expect(found.meta("author") == "X")
        #expect(found.meta("og:title") == "First")
        #expect(found.links["canonical"] == "/c" && found.links["stylesheet"] == "/c")
        #expect(found.linkedDataScripts.count == 1)
        #expect(found.headings == ["Head line"])
        #expect(found.times == ["2023-12-31", "2024-01-02"])
    }

    @Test func explicitAuthorsComeBeforeClassMarkedOnes() throws {
        let found = try signals(#"<div class="byline">Kim Park</div><a rel="author" href="/k">Kim Park-Lee</a>"#)
        #expect(found.authorTexts == ["Kim Park-Lee", "Kim Park"])
    }
}
