import DatelineAPI
import Foundation
import HTTPServer
import Testing

/// `/places` on the repository's seed, over a real socket through the whole middleware chain.
@Suite("/places over sockets", .serialized)
struct PlaceRoutesOverSocketsTests {
    static func start() throws -> (HTTPServer, Int) {
        let server = try Application.seededForTesting { $0.accessLog = false }.makeServer()
        return (server, try server.start().port)
    }

    @Test func theSeedsEventPlacesHaveCoordinates() throws {
        let (server, port) = try Self.start()
        defer { server.shutdown {} }
        let answer = try RawExchange.send(port: port, "GET", "/places")
        #expect(answer.status == 200)
        #expect(answer.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(answer.headers["etag"].map { !$0.hasPrefix("W/") } == true)
        let items = try #require(answer.json["data"] as? [[String: Any]])
        #expect(answer.json["total"] as? Int == items.count)
        let byName = Dictionary(items.map { ($0["name"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for name in ["Novo-Ogaryovo", "Sochi", "Doha", "Gaza Strip"] {
            let place = try #require(byName[name], "\(name) is not among \(byName.keys.sorted())")
            let point = try #require(place["coordinates"] as? [String: Double], "\(name)")
            #expect(point["lat"] != nil && point["lon"] != nil, "\(name)")
            #expect((place["events"] as? Int ?? 0) >= 1, "\(name)")
        }
        let counts = items.compactMap { $0["events"] as? Int }
        #expect(counts == counts.sorted(by: >))
    }

    @Test func theSeedsLocationEntitiesCarryCoordinates() throws {
        let (server, port) = try Self.start()
        defer { server.shutdown {} }
        let answer = try RawExchange.send(port: port, "GET", "/entities/novo-ogaryovo")
        #expect(answer.status == 200)
        let point = try #require(answer.json["coordinates"] as? [String: Double])
        #expect(abs((point["lat"] ?? 0) - 55.7558) < 0.01 && abs((point["lon"] ?? 0) - 37.2197) < 0.01)
    }

    @Test func aBadFilterIsAProblem() throws {
        let (server, port) = try Self.start()
        defer { server.shutdown {} }
        let answer = try RawExchange.send(port: port, "GET", "/places?to=yesterday")
        #expect(answer.status == 400)
        #expect(answer.headers["content-type"] == "application/problem+json")
    }
}
