import HTTPServer
import HTTPTypes
import Testing

@Suite struct HTTPFieldsValueTests {
    @Test func readsWhatTheSubscriptReads() {
        let fields: HTTPFields = [
            .contentType: "application/json", .accept: "text/html", .authorization: "Bearer one",
        ]
        var repeated = fields
        repeated.append(HTTPField(name: .accept, value: "application/json"))
        repeated.append(HTTPField(name: .cookie, value: "a=1"))
        repeated.append(HTTPField(name: .cookie, value: "b=2"))
        for name: HTTPField.Name in [.contentType, .accept, .authorization, .cookie, .origin] {
            #expect(fields.value(name) == fields[name])
            #expect(repeated.value(name) == repeated[name])
        }
        #expect(repeated.value(.accept) == "text/html, application/json")
        #expect(repeated.value(.cookie) == "a=1; b=2")
        #expect(fields.value(.origin) == nil)
    }

    @Test func matchesNamesWithoutRegardToCase() {
        let fields: HTTPFields = [HTTPField.Name("X-Request-ID")!: "abc"]
        #expect(fields.value(HTTPField.Name("x-request-id")!) == "abc")
    }
}
