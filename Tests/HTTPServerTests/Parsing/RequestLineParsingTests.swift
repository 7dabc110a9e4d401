import Testing

@testable import HTTPServer

@Suite struct RequestLineParsingTests {
    @Test func simpleGet() {
        let request = ParserHarness.request("GET /articles?limit=5 HTTP/1.1\r\nHost: example.org\r\n\r\n", oneByteAtATime: true)
        #expect(request?.method == "GET")
        #expect(request?.target == "/articles?limit=5")
        #expect(request?.authority == "example.org")
        #expect(request?.version == .http1_1)
        #expect(request?.path == "/articles")
        #expect(request?.query == [QueryItem(name: "limit", value: "5")])
        #expect(request?.body == "")
        #expect(request?.keepAlive == true)
        #expect(request?.fields == ["Host: example.org"])
    }

    @Test(arguments: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
    func knownMethods(method: String) {
        let request = ParserHarness.request("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(request?.method == method)
    }

    @Test func connectNeedsATargetFormThisServerDoesNotAccept() {
        // CONNECT is known, but its authority-form target is for proxies.
        #expect(ParserHarness.status("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n") == 400)
    }

    @Test(arguments: ["PROPFIND", "get", "BREW", "M-SEARCH"])
    func unknownMethodTokenIs501(method: String) {
        #expect(ParserHarness.status("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n") == 501)
    }

    @Test(arguments: ["GE(T", "G\u{7F}T", "GET\t", "\"GET\"", "GÉT"])
    func invalidMethodTokenIs400(method: String) {
        #expect(ParserHarness.status("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n") == 400)
    }

    @Test(arguments: [
        "GET  / HTTP/1.1",
        "GET /  HTTP/1.1",
        " GET / HTTP/1.1",
        "GET / HTTP/1.1 ",
        "GET /",
        "GET",
        "GET / HTTP/1.1 extra",
    ])
    func malformedRequestLineIs400(line: String) {
        #expect(ParserHarness.status("\(line)\r\nHost: h\r\n\r\n") == 400)
    }

    @Test func leadingEmptyLinesAreIgnored() {
        let request = ParserHarness.request("\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n", oneByteAtATime: true)
        #expect(request?.path == "/")
    }

    @Test func endlessEmptyLinesAreRefused() {
        let input = String(repeating: "\r\n", count: RequestParser.maxLeadingEmptyLines + 1) + "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
        #expect(ParserHarness.status(input) == 400)
    }

    @Test(arguments: [
        ("HTTP/1.0", HTTPVersion.http1_0),
        ("HTTP/1.1", HTTPVersion.http1_1),
        ("HTTP/1.2", HTTPVersion.http1_1),
        ("HTTP/1.9", HTTPVersion.http1_1),
    ])
    func supportedVersions(text: String, served: HTTPVersion) {
        let request = ParserHarness.request("GET / \(text)\r\nHost: h\r\n\r\n")
        #expect(request?.version == served)
    }

    @Test(arguments: ["HTTP/0.9", "HTTP/2.0", "HTTP/3.0", "HTTP/9.1"])
    func otherMajorVersionIs505(text: String) {
        #expect(ParserHarness.status("GET / \(text)\r\nHost: h\r\n\r\n") == 505)
    }

    @Test(arguments: ["HTTP/1", "HTTP/1.", "HTTP/1.10", "HTTP/11", "http/1.1", "HTTP/a.1", "HTTP/1.x", "HTTP 1.1", "HTTPS/1.1", "HTTP/2"])
    func malformedVersionIs400(text: String) {
        #expect(ParserHarness.status("GET / \(text)\r\nHost: h\r\n\r\n") == 400)
    }

    @Test(arguments: [
        "GET / HTTP/1.1\rHost: h\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r2\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\n\r\r\n",
        "\rGET / HTTP/1.1\r\nHost: h\r\n\r\n",
    ])
    func bareCRIs400(input: String) {
        #expect(ParserHarness.status(input) == 400)
    }

    @Test(arguments: [
        "GET / HTTP/1.1\nHost: h\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\n\n",
        "\nGET / HTTP/1.1\r\nHost: h\r\n\r\n",
    ])
    func bareLFIs400(input: String) {
        #expect(ParserHarness.status(input) == 400)
    }

    @Test func failureDetailNamesTheProblem() {
        let outcome = ParserHarness.single("GET / HTTP/1.1\nHost: h\r\n\r\n")
        #expect(outcome == .failure(400, "Line in the request head ended by LF without CR"))
    }
}
