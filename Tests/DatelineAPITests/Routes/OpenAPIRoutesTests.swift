import Foundation
import NewsModel
import Testing

@testable import DatelineAPI

@Suite struct OpenAPIRoutesTests {
    let client = TestClient()

    private var document: [String: Any] { client.get("/openapi.json").json }

    @Test func isOpenAPI31() {
        let response = client.get("/openapi.json")
        #expect(response.status == 200)
        #expect(response.json["openapi"] as? String == "3.1.0")
    }

    /// Every route but `/metrics` (for Prometheus, not for API clients) is documented, with
    /// every method it answers.
    @Test func documentsEveryRoute() throws {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        let routes = try Application.testing().makeRouter().routes
            .filter { $0.template != "/metrics" }
        #expect(Set(paths.keys) == Set(routes.map(\.template)))
        for route in routes {
            for method in route.methods {
                #expect(paths[route.template]?[method.rawValue.lowercased()] != nil, "\(method) \(route.template)")
            }
        }
    }

    @Test func everyReferenceResolves() throws {
        let text = client.get("/openapi.json").text
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        let regex = try NSRegularExpression(pattern: #"#/components/schemas/([A-Za-z]+)"#)
        let matches = regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(!matches.isEmpty)
        for match in matches {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            #expect(schemas[name] != nil, "\(name)")
        }
    }

    @Test func everyDeclaredParameterIsAccepted() {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        for (template, item) in paths where item["get"] != nil && template != "/changes" {
            let parameters = (item["get"] as? [String: Any])?["parameters"] as? [[String: Any]] ?? []
            let names = parameters.filter { $0["in"] as? String == "query" }.compactMap { $0["name"] as? String }
            let path = template.replacingOccurrences(of: "{id}", with: "gaza")
            let base = template == "/search" ? "\(path)?q=gaza&" : "\(path)?"
            for name in names where name != "cursor" && name != "q" {
                let response = client.get("\(base)\(name)=zz-not-valid")
                #expect(response.status != 400 || response.parameter == name, "\(template) \(name)")
            }
            #expect(client.get("\(base)undeclared=1").parameter == "undeclared", "\(template)")
        }
    }

    @Test(arguments: [
        ("/healthz", "Status"), ("/readyz", "Status"),
        ("/articles", "ArticleList"), ("/articles/putin-hosts-abbas", "Article"),
        ("/articles/putin-hosts-abbas/entities", "EntityList"), ("/articles/aid-reaches-gaza/events", "EventList"),
        ("/entities", "EntityList"), ("/entities/vladimir-putin", "Entity"), ("/entities/gaza", "Entity"),
        ("/entities/hamas/events", "EventList"), ("/entities/gaza/articles", "ArticleList"),
        ("/entities/mahmoud-abbas/related", "RelatedEntityList"),
        ("/events", "EventList"), ("/events/hamas-fight-gaza-2024-06", "Event"), ("/events/hamas-abbas-talks", "Event"),
        ("/timeline?granularity=day", "TimelineList"), ("/search?q=hamas", "SearchHitList"),
        ("/events/nope", "Problem"), ("/events?limit=0", "Problem"),
    ])
    func responsesMatchTheirSchemas(target: String, schema: String) {
        let validator = SchemaValidator(document: document)
        let body = (try? JSONSerialization.jsonObject(with: Data(client.get(target).bytes))) ?? NSNull()
        #expect(validator.problems(body, against: ["$ref": "#/components/schemas/\(schema)"]) == [], "\(target)")
    }
}
