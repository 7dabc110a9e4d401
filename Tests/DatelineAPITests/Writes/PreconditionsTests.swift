import HTTPTypes
import NewsModel
import Testing

@testable import DatelineAPI

/// The ETags writes answer with, and `If-Match` / `If-None-Match` on writes.
@Suite struct PreconditionsTests {
    let client = WriteClient()

    @Test func theTagOfAWriteIsTheTagOfTheNextGet() throws {
        let client = self.client
        let writes: [(String, () -> TestResponse)] = [
            ("/entities/gaza", { client.patch("/entities/gaza", ["description": "A strip of land."]) }),
            ("/entities/angela-merkel", { client.post("/entities", ["name": "Angela Merkel", "type": "person"]) }),
            ("/entities/gaza", { client.put("/entities/gaza", ["name": "Gaza", "type": "location"]) }),
            ("/events/hamas-abbas-talks", { client.patch("/events/hamas-abbas-talks", ["summary": "Talks"]) }),
            (
                "/events/2024-consult-hamas",
                {
                    client.post(
                        "/events",
                        [
                            "type": "consult", "summary": "Talks", "status": "possible",
                            "date": ["value": "2024"],
                            "participants": [["entityId": "hamas", "role": "actor"]],
                        ])
                }
            ),
            (
                "/events/chosen",
                { client.put("/events/chosen", ["type": "aid", "summary": "Aid", "status": "occurred", "participants": []]) }
            ),
            ("/entities/gaza", { client.post("/entities/gaza/merge", ["id": "moscow"]) }),
        ]
        for (target, send) in writes {
            let write = send()
            #expect((200...201).contains(write.status), "\(target)")
            let tag = try #require(write[.eTag], "\(target)")
            #expect(!tag.hasPrefix("W/"))
            #expect(client.get(target)[.eTag] == tag, "\(target)")
            // The body of the write is the representation itself.
            #expect(write.bytes == client.get(target).bytes, "\(target)")
        }
    }

    @Test func ifMatchWithTheCurrentTagGoesAhead() throws {
        let tag = try #require(client.get("/entities/gaza")[.eTag])
        let first = client.patch("/entities/gaza", ["description": "One"], headers: [.ifMatch: tag])
        #expect(first.status == 200)
        // The old tag is stale now: a lost update is refused.
        let stale = client.patch("/entities/gaza", ["description": "Two"], headers: [.ifMatch: tag])
        #expect(stale.status == 412)
        #expect(stale[.eTag] == first[.eTag])
        #expect(client.store.snapshot.entity("gaza")?.description == "One")
        let newTag = try #require(first[.eTag])
        #expect(client.patch("/entities/gaza", ["description": "Two"], headers: [.ifMatch: "\"other\", \(newTag)"]).status == 200)
    }

    @Test func compressedVariantTagsMatchTheirIdentityTag() throws {
        let get = client.get("/events/hamas-abbas-talks")
        let tag = try #require(get[.eTag])
        let gzipTag = String(tag.dropLast()) + "-gzip\""
        #expect(client.patch("/events/hamas-abbas-talks", ["summary": "Talks"], headers: [.ifMatch: gzipTag]).status == 200)
        let next = try #require(client.get("/events/hamas-abbas-talks")[.eTag])
        let deflateTag = String(next.dropLast()) + "-deflate\""
        #expect(client.delete("/events/hamas-abbas-talks", headers: [.ifMatch: deflateTag]).status == 204)
    }

    @Test func weakAndMalformedTagsNeverMatch() throws {
        let tag = try #require(client.get("/entities/gaza")[.eTag])
        #expect(client.patch("/entities/gaza", ["description": "X"], headers: [.ifMatch: "W/" + tag]).status == 412)
        #expect(client.patch("/entities/gaza", ["description": "X"], headers: [.ifMatch: "not a tag"]).status == 412)
        // An empty field is no condition.
        #expect(client.patch("/entities/gaza", ["description": "X"], headers: [.ifMatch: ""]).status == 200)
    }

    @Test func ifMatchStarNeedsTheResource() {
        let body: [String: Any] = ["name": "New", "type": "person"]
        #expect(client.put("/entities/new-one", body, headers: [.ifMatch: "*"]).status == 412)
        #expect(client.store.snapshot.entity("new-one") == nil)
        #expect(client.delete("/events/missing", headers: [.ifMatch: "*"]).status == 412)
        #expect(client.put("/entities/gaza", ["name": "Gaza", "type": "location"], headers: [.ifMatch: "*"]).status == 200)
    }

    @Test func ifNoneMatchStarOnlyCreates() {
        let body: [String: Any] = ["name": "New", "type": "person"]
        #expect(client.put("/entities/new-one", body, headers: [.ifNoneMatch: "*"]).status == 201)
        #expect(client.put("/entities/new-one", body, headers: [.ifNoneMatch: "*"]).status == 412)
    }

    @Test func deletesHonourIfMatch() throws {
        let tag = try #require(client.get("/articles/hamas-will-talk")[.eTag])
        #expect(client.delete("/articles/hamas-will-talk", headers: [.ifMatch: "\"0000000000000000\""]).status == 412)
        #expect(client.delete("/articles/hamas-will-talk", headers: [.ifMatch: tag]).status == 204)
    }
}
