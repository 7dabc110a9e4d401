import Foundation
import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct ArticleRoutesTests {
    let client = TestClient()

    @Test func listsSummariesNewestFirst() throws {
        let response = client.get("/articles")
        #expect(response.status == 200)
        #expect(response.ids == ["hamas-will-talk", "putin-hosts-abbas", "aid-reaches-gaza"])
        #expect(response.json["total"] as? Int == 3)
        #expect(response.json["next"] is NSNull)
        let first = try #require((response.json["data"] as? [[String: Any]])?.first)
        #expect(first["body"] == nil)
        #expect(first["mentions"] == nil)
        #expect(first["publishedAt"] as? String == "2024-09-01")
        #expect(response[.link] == nil)
    }

    @Test func getsOneArticleWhole() throws {
        let article = try client.get("/articles/putin-hosts-abbas").decode(Article.self)
        #expect(article == Fixtures.articles[0])
    }

    @Test func unknownArticleIsNotFound() {
        for path in ["/articles/nope", "/articles/nope/entities", "/articles/nope/events"] {
            let response = client.get(path)
            #expect(response.status == 404, "\(path)")
            #expect(response[.contentType] == "application/problem+json")
        }
    }

    @Test func entitiesComeInOrderOfFirstMention() {
        let response = client.get("/articles/aid-reaches-gaza/entities")
        #expect(response.ids == ["united-nations", "gaza", "hamas"])
        #expect(response.json["total"] as? Int == 3)
    }

    @Test func entitiesOfAnArticlePage() throws {
        let first = client.get("/articles/putin-hosts-abbas/entities?limit=3")
        #expect(first.ids == ["vladimir-putin", "mahmoud-abbas", "moscow"])
        let next = try #require(first.json["next"] as? String)
        #expect(first[.link] == "</articles/putin-hosts-abbas/entities?limit=3&cursor=\(next)>; rel=\"next\"")
        let second = client.get("/articles/putin-hosts-abbas/entities?limit=3&cursor=\(next)")
        #expect(second.ids == ["gaza"])
        #expect(second.json["next"] is NSNull)
    }

    @Test func eventsOfAnArticleInDateOrder() {
        let response = client.get("/articles/aid-reaches-gaza/events")
        #expect(response.ids == ["un-aid-gaza-2024-06", "hamas-fight-gaza-2024-06"])
        let csv = client.get("/articles/hamas-will-talk/events?format=csv")
        #expect(csv[.contentType] == "text/csv; charset=utf-8")
        #expect(csv.text.split(separator: "\r\n").count == 3)
    }

    @Test func aCursorOfOneListIsRefusedByAnother() throws {
        let first = client.get("/articles/putin-hosts-abbas/entities?limit=1")
        let cursor = try #require(first.json["next"] as? String)
        let other = client.get("/articles/aid-reaches-gaza/entities?limit=1&cursor=\(cursor)")
        #expect(other.status == 400)
        #expect(other.parameter == "cursor")
    }

    @Test func walkingPagesWhileArticlesArriveSeesEachOnce() throws {
        let store = NewsStore()
        for day in 1...9 {
            store.upsert(Article.make("day-\(day)", published: "2024-03-0\(day)", sentences: ["Day \(day)."]))
        }
        let client = TestClient(store: store)
        var seen: [String] = []
        var target = "/articles?limit=2"
        var added = 0
        while true {
            let page = client.get(target)
            #expect(page.status == 200)
            seen += page.ids
            // Newer and older articles arrive between pages.
            added += 1
            store.upsert(Article.make("new-\(added)", published: "2024-05-0\(added)", sentences: ["New."]))
            store.upsert(Article.make("old-\(added)", published: "2023-01-0\(added)", sentences: ["Old."]))
            guard let next = page.json["next"] as? String else { break }
            target = "/articles?limit=2&cursor=\(next)"
        }
        let original = (1...9).reversed().map { "day-\($0)" }
        #expect(seen.filter { $0.hasPrefix("day-") } == original)
        #expect(Set(seen).count == seen.count)
    }
}
