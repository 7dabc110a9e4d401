import Foundation
import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct SearchRoutesTests {
    let client = TestClient()

    @Test func findsEveryKind() throws {
        let hits = try client.get("/search?q=gaza").list(SearchHit.self).data
        #expect(hits.first?.kind == .entity)
        #expect(hits.first?.id == "gaza")
        #expect(Set(hits.map(\.kind)) == [.article, .entity, .event])
        #expect(hits.allSatisfy { !$0.label.isEmpty && !$0.snippet.isEmpty })
    }

    @Test func pagesThroughTheRanking() throws {
        let all = try client.get("/search?q=hamas").list(SearchHit.self)
        var seen: [String] = []
        var target = "/search?q=hamas&limit=2"
        while true {
            let page = try client.get(target).list(SearchHit.self)
            #expect(page.total == all.total)
            seen += page.data.map { "\($0.kind):\($0.id)" }
            guard let next = page.next else { break }
            target = "/search?q=hamas&limit=2&cursor=\(next)"
        }
        #expect(seen == all.data.map { "\($0.kind):\($0.id)" })
    }

    @Test func nothingFoundIsAnEmptyList() {
        let response = client.get("/search?q=zanzibar")
        #expect(response.status == 200)
        #expect(response.text == #"{"data":[],"next":null,"total":0}"#)
    }

    @Test func aCursorBelongsToItsWords() throws {
        let cursor = try #require(client.get("/search?q=hamas&limit=1").json["next"] as? String)
        #expect(client.get("/search?q=gaza&cursor=\(cursor)").parameter == "cursor")
    }
}
