import Testing

@testable import WebArticle

@Suite("JSON-LD")
struct LinkedDataTests {
    @Test func nestedGraphAndAuthorShapes() {
        let script = """
            {"@graph": [{"@type": "WebPage", "name": "Page"},
              {"@type": ["Article", "NewsArticle"], "headline": "Tides", "author": [{"name": "A One"}, "B Two"],
               "dateCreated": "2020-02-02", "articleBody": "Body line one.\\nBody line two."}]}
            """
        let data = LinkedData(scripts: [script])
        #expect(data.headline == "Tides")
        #expect(data.authors == ["A One", "B Two"])
        #expect(data.datePublished == "2020-02-02")
        #expect(data.articleBody == "Body line one. Body line two.")
    }

    @Test func rawLineBreaksAndCommentWrappersAreTolerated() {
        let script =
            "<!--\n{\"@type\": \"BlogPosting\", \"headline\": \"Two\nlines\", \"author\": {\"@type\": \"Person\", \"name\": \"C\"}}\n-->"
        let data = LinkedData(scripts: ["not json", script])
        #expect(data.headline == "Two lines")
        #expect(data.authors == ["C"])
    }

    @Test func noArticleLeavesOnlyTheSiteName() {
        let data = LinkedData(scripts: [#"{"@type": "WebSite", "name": "Harbour News"}"#])
        #expect(data.headline == nil && data.articleBody == nil)
        #expect(data.publisher == "Harbour News")
    }
}
