import Testing

@testable import HTTPServer

@Suite struct RequestTargetParsingTests {
    private func request(_ method: String = "GET", target: String, host: String = "h") -> ParsedRequest? {
        ParserHarness.request("\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\n\r\n")
    }

    @Test func originFormIsDecodedAndKeptAsReceived() {
        let request = request(target: "/a%20b/%C3%A9+c?q=x%2By+z&flag&empty=&=v&&last=1")
        #expect(request?.target == "/a%20b/%C3%A9+c?q=x%2By+z&flag&empty=&=v&&last=1")
        #expect(request?.path == "/a b/é+c")
        #expect(
            request?.query == [
                QueryItem(name: "q", value: "x+y z"),
                QueryItem(name: "flag", value: ""),
                QueryItem(name: "empty", value: ""),
                QueryItem(name: "", value: "v"),
                QueryItem(name: "last", value: "1"),
            ])
    }

    @Test func pathIsDecodedOnce() {
        #expect(request(target: "/a%2Fb/%2525")?.path == "/a/b/%25")
    }

    @Test func queryCanBeEmpty() {
        let request = request(target: "/search?")
        #expect(request?.path == "/search")
        #expect(request?.query == [])
    }

    @Test(arguments: [
        ("http://example.org:8080/p?q=1", "/p?q=1", "example.org:8080", "/p"),
        ("HTTPS://example.org/a%20b", "/a%20b", "example.org", "/a b"),
        ("http://example.org", "/", "example.org", "/"),
        ("http://example.org?x=1", "/?x=1", "example.org", "/"),
    ])
    func absoluteFormIsReducedToOriginForm(target: String, origin: String, authority: String, path: String) {
        let request = request(target: target, host: "ignored.example")
        #expect(request?.target == origin)
        #expect(request?.authority == authority)
        #expect(request?.path == path)
    }

    @Test func absoluteFormStillNeedsHost() {
        #expect(ParserHarness.status("GET http://example.org/ HTTP/1.1\r\n\r\n") == 400)
    }

    @Test func asteriskFormForOptions() {
        let request = request("OPTIONS", target: "*")
        #expect(request?.target == "*")
        #expect(request?.path == "*")
        #expect(request?.authority == "h")
    }

    @Test(arguments: ["GET", "POST", "HEAD"])
    func asteriskFormIsOnlyForOptions(method: String) {
        #expect(ParserHarness.status("\(method) * HTTP/1.1\r\nHost: h\r\n\r\n") == 400)
    }

    @Test(arguments: [
        "example.org:443",
        "articles",
        "ftp://example.org/file",
        "http:///p",
        "http://user@example.org/",
        "http://ex<ample.org/",
        "/a#fragment",
        "/a%2",
        "/a%zz",
        "/%FF",
        "/?q=%C3",
        "/?q=%",
        "/é",
        "/a\u{7F}b",
        "**",
    ])
    func invalidTargetIs400(target: String) {
        #expect(ParserHarness.status("GET \(target) HTTP/1.1\r\nHost: h\r\n\r\n") == 400)
    }
}
