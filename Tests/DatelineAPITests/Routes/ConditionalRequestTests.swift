import HTTPTypes
import NewsModel
import Testing

@testable import DatelineAPI

/// ETags, 304s and HEAD, through the whole middleware chain.
@Suite struct ConditionalRequestTests {
    let client = TestClient()

    @Test func everyGetHasAStrongTagThatFollowsTheRepresentation() throws {
        let first = client.get("/events")
        let tag = try #require(first[.eTag])
        #expect(!tag.hasPrefix("W/"))
        #expect(client.get("/events")[.eTag] == tag)
        #expect(client.get("/events?pretty")[.eTag] != tag)
        client.store.upsert(Event.make("new-one", .appeal, "New", date: nil))
        #expect(client.get("/events")[.eTag] != tag)
        // An unrelated change leaves the representation, and so the tag, alone.
        let entityTag = client.get("/entities/gaza")[.eTag]
        client.store.upsert(Event.make("another", .appeal, "Another", date: nil))
        #expect(client.get("/entities/gaza")[.eTag] == entityTag)
    }

    @Test func ifNoneMatchAnswersNotModified() throws {
        let tag = try #require(client.get("/entities/gaza/related")[.eTag])
        let response = client.send("/entities/gaza/related", headers: [.ifNoneMatch: tag])
        #expect(response.status == 304)
        #expect(response.bytes.isEmpty)
        #expect(response[.eTag] == tag)
        #expect(response[.cacheControl] == "no-cache")
    }

    @Test func headAnswersLikeGet() {
        for target in ["/events?limit=2", "/healthz", "/openapi.json", "/entities/gaza"] {
            let get = client.get(target)
            let head = client.send(target, method: .head)
            #expect(head.status == 200, "\(target)")
            #expect(head[.eTag] == get[.eTag], "\(target)")
            #expect(head[.contentType] == get[.contentType], "\(target)")
            #expect(head[.link] == get[.link], "\(target)")
        }
    }

    @Test func otherMethodsAreNotAllowed() {
        let response = client.send("/timeline", method: .post)
        #expect(response.status == 405)
        #expect(response[.allow]?.contains("GET") == true)
    }

    @Test func compressedWhenAskedAndLargeEnough() {
        let response = client.send("/openapi.json", headers: [.acceptEncoding: "gzip"])
        #expect(response[.contentEncoding] == "gzip")
        #expect(response[.eTag]?.hasSuffix("-gzip\"") == true)
    }
}
