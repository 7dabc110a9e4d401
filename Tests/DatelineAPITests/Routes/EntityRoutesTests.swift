import Foundation
import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct EntityRoutesTests {
    let client = TestClient()

    @Test func listsEntitiesInIdOrder() {
        let response = client.get("/entities")
        #expect(response.ids == ["gaza", "hamas", "mahmoud-abbas", "moscow", "united-nations", "vladimir-putin"])
        #expect(response.json["total"] as? Int == 6)
    }

    @Test func filtersByTypeAndWords() {
        #expect(client.get("/entities?type=location").ids == ["gaza", "moscow"])
        #expect(client.get("/entities?q=putin").ids == ["vladimir-putin"])
        #expect(client.get("/entities?type=person&q=abbas").ids == ["mahmoud-abbas"])
        #expect(client.get("/entities?type=location&q=abbas").ids == [])
    }

    @Test func refusesAnUnknownType() {
        let response = client.get("/entities?type=planet")
        #expect(response.status == 400)
        #expect(response.parameter == "type")
    }

    @Test func getsAnEntityWithItsCounts() throws {
        let entity = try client.get("/entities/gaza").decode(Entity.self)
        #expect(entity.mentionCount == 3)
        #expect(entity.articleIds == ["aid-reaches-gaza", "putin-hosts-abbas"])
        #expect(entity.description == "A coastal territory.")
    }

    @Test func unknownEntityIsNotFound() {
        for path in ["/entities/nope", "/entities/nope/events", "/entities/nope/articles", "/entities/nope/related"] {
            #expect(client.get(path).status == 404, "\(path)")
        }
    }

    @Test func aMergedEntityRedirects() {
        client.store.merge(entity: "united-nations", into: "hamas")
        let response = client.get("/entities/united-nations/events?type=aid&pretty")
        #expect(response.status == 301)
        #expect(response[.location] == "/entities/hamas/events?type=aid&pretty=")
        let plain = client.get("/entities/united-nations")
        #expect(plain.status == 301)
        #expect(plain[.location] == "/entities/hamas")
        #expect(plain.json["location"] as? String == "/entities/hamas")
        // A bad query is refused before the redirect, wherever the entity now lives.
        #expect(client.get("/entities/united-nations/events?type=party").parameter == "type")
        #expect(client.get("/entities/united-nations/events?from=2024-13").parameter == "from")
        #expect(client.get("/entities/united-nations/articles?limit=0").parameter == "limit")
        #expect(client.get("/entities/united-nations/related?cursor=").parameter == "cursor")
    }

    @Test func eventsOfAnEntityTakeTheEventFilters() {
        #expect(client.get("/entities/hamas/events").ids == ["hamas-statement-2023", "hamas-fight-gaza-2024-06", "hamas-abbas-talks"])
        #expect(client.get("/entities/hamas/events?sort=-date&limit=2").ids == ["hamas-fight-gaza-2024-06", "hamas-statement-2023"])
        #expect(client.get("/entities/hamas/events?entity=mahmoud-abbas").ids == ["hamas-abbas-talks"])
        #expect(client.get("/entities/gaza/events?type=aid").ids == ["un-aid-gaza-2024-06"])
        #expect(client.get("/entities/hamas/events?status=possible").status == 200)
        #expect(client.get("/entities/hamas/events?status=maybe").parameter == "status")
    }

    @Test func articlesOfAnEntityNewestFirst() {
        let response = client.get("/entities/mahmoud-abbas/articles")
        #expect(response.ids == ["hamas-will-talk", "putin-hosts-abbas"])
        let paged = client.get("/entities/gaza/articles?limit=1")
        #expect(paged.ids == ["putin-hosts-abbas"])
        #expect(paged.json["total"] as? Int == 2)
    }

    @Test func relatedEntitiesWithCounts() throws {
        let list = try client.get("/entities/mahmoud-abbas/related").list(RelatedEntity.self)
        let counts = list.data.map { "\($0.entity.id):\($0.sharedEvents):\($0.sharedSentences)" }
        #expect(counts == ["hamas:1:1", "moscow:1:1", "vladimir-putin:1:1"])
        #expect(list.total == 3)
    }
}
