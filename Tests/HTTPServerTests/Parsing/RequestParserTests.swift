import Testing

@testable import HTTPServer

@Suite struct RequestParserTests {
    // MARK: Persistence

    @Test(arguments: [
        ("HTTP/1.1", "", true),
        ("HTTP/1.1", "Connection: close\r\n", false),
        ("HTTP/1.1", "Connection: Close\r\n", false),
        ("HTTP/1.1", "Connection: keep-alive, close\r\n", false),
        ("HTTP/1.1", "Connection: upgrade\r\nConnection: CLOSE\r\n", false),
        ("HTTP/1.1", "Connection: closed\r\n", true),
        ("HTTP/1.1", "Connection: x-close\r\n", true),
        ("HTTP/1.2", "", true),
        ("HTTP/1.0", "", false),
        ("HTTP/1.0", "Connection: keep-alive\r\n", true),
        ("HTTP/1.0", "Connection: Keep-Alive\r\n", true),
        ("HTTP/1.0", "Connection: te,keep-alive\r\n", true),
        ("HTTP/1.0", "Connection: te\r\nConnection: keep-alive\r\n", true),
        ("HTTP/1.0", "Connection: keep-alive, close\r\n", false),
        ("HTTP/1.0", "Connection: keep-alive-ish\r\n", false),
    ])
    func persistence(version: String, fields: String, keepAlive: Bool) {
        let request = ParserHarness.request("GET / \(version)\r\nHost: h\r\n\(fields)\r\n")
        #expect(request?.keepAlive == keepAlive)
    }

    // MARK: Expect

    @Test func continueIsExpectedOnceWhileTheBodyIsMissing() {
        var parser = RequestParser(limits: .init())
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n".utf8))
        #expect(parser.next().isContinue)
        #expect(parser.next().isNeedMore)
        parser.append(Array("12345".utf8))
        #expect(parser.next().isNeedMore)
        parser.append(Array("67890".utf8))
        #expect(parser.next().request?.body == Array("1234567890".utf8))
        #expect(parser.next().isNeedMore)
    }

    @Test(arguments: ["100-continue", "100-Continue", "100-CONTINUE"])
    func continueForChunkedBodies(expectation: String) {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nExpect: \(expectation)\r\nTransfer-Encoding: chunked\r\n\r\n"
        let outcomes = ParserHarness.run([Array(head.utf8), Array("3\r\nabc\r\n0\r\n\r\n".utf8)])
        #expect(outcomes.count == 2)
        #expect(outcomes.first == .continueExpected)
        #expect(outcomes.last?.request?.body == "abc")
    }

    @Test func noContinueWhenTheBodyIsAlreadyBuffered() {
        let input = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc"
        #expect(ParserHarness.run([Array(input.utf8)]).map(\.request?.body) == ["abc"])
        #expect(ParserHarness.request(input)?.body == "abc")
    }

    @Test(arguments: ["Content-Length: 0\r\n", ""])
    func noContinueWithoutABody(framing: String) {
        let input = "POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\(framing)\r\n"
        #expect(ParserHarness.run([Array(input.utf8)]).count == 1)
        #expect(ParserHarness.request(input) != nil)
    }

    @Test func continueIsIgnoredInHTTP10() {
        let head = "POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"
        let outcomes = ParserHarness.run([Array(head.utf8), Array("abc".utf8)])
        #expect(outcomes.map(\.request?.body) == ["abc"])
    }

    @Test(arguments: ["200-ok", "100-continue, foo", "", "100-continue;x=1", "100-continue\r\nExpect: other"])
    func otherExpectationIs417(expectation: String) {
        let outcome = ParserHarness.single("POST / HTTP/1.1\r\nHost: h\r\nExpect: \(expectation)\r\nContent-Length: 3\r\n\r\nabc")
        #expect(outcome == .failure(417, "Only the expectation 100-continue is supported"))
    }

    // MARK: Pipelining

    @Test func threePipelinedRequestsInOneBuffer() {
        let input =
            "GET /one HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
            + "DELETE /three?x=1 HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
        var parser = RequestParser(limits: .init())
        parser.append(Array(input.utf8))
        let first = parser.next().request
        let second = parser.next().request
        let third = parser.next().request
        #expect(parser.next().isNeedMore)
        #expect(first?.path == "/one")
        #expect(second?.path == "/two")
        #expect(second?.body == Array("hello".utf8))
        #expect(third?.path == "/three")
        #expect(third?.keepAlive == false)
        #expect(parser.isMidRequest == false)

        let outcomes = ParserHarness.parse(input, oneByteAtATime: true)
        #expect(outcomes.map(\.request?.path) == ["/one", "/two", "/three"])
    }

    @Test func bytesAfterARequestStayBuffered() {
        var parser = RequestParser(limits: .init())
        parser.append(Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HT".utf8))
        #expect(parser.next().request?.path == "/a")
        #expect(parser.next().isNeedMore)
        #expect(parser.isMidRequest)
        parser.append(Array("TP/1.1\r\nHost: h\r\n\r\n".utf8))
        #expect(parser.next().request?.path == "/b")
    }

    @Test func strayCRLFBetweenPipelinedRequestsIsSkipped() {
        let outcomes = ParserHarness.parse(
            "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n\r\nx\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n"
        )
        #expect(outcomes.map(\.request?.path) == ["/a", "/b"])
    }

    @Test func consumedBytesAreDropped() {
        var parser = RequestParser(limits: .init())
        let request = Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        for _ in 0..<1000 {
            parser.append(request + request.prefix(5))
            #expect(parser.next().request != nil)
            parser.append(Array(request.dropFirst(5)))
            #expect(parser.next().request != nil)
            #expect(parser.next().isNeedMore)
        }
        #expect(parser.buffer.count <= request.count * 2)
    }

    // MARK: State the connection reads

    @Test func midRequestAndBodyFlags() {
        var parser = RequestParser(limits: .init())
        #expect(!parser.isMidRequest && !parser.isReadingBody)
        parser.append(Array("P".utf8))
        #expect(parser.next().isNeedMore)
        #expect(parser.isMidRequest && !parser.isReadingBody)
        parser.append(Array("OST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(parser.next().isNeedMore)
        #expect(parser.isMidRequest && parser.isReadingBody)
        parser.append(Array("ok".utf8))
        #expect(parser.next().request?.body == Array("ok".utf8))
        #expect(!parser.isMidRequest && !parser.isReadingBody)
    }

    @Test func leadingEmptyLinesAloneAreNotARequest() {
        var parser = RequestParser(limits: .init())
        parser.append(Array("\r\n".utf8))
        #expect(parser.next().isNeedMore)
        #expect(!parser.isMidRequest)
    }

    @Test func failureRepeats() {
        var parser = RequestParser(limits: .init())
        parser.append(Array("GET / HTTP/2.0\r\n\r\n".utf8))
        for _ in 0..<2 {
            guard case .failure(let error) = parser.next() else {
                Issue.record("expected a failure")
                return
            }
            #expect(error.status == .httpVersionNotSupported)
            #expect(error.closeConnection)
        }
    }

    @Test func appendsRawBuffers() {
        var parser = RequestParser(limits: .init())
        let bytes = Array("GET /raw HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        bytes.withUnsafeBytes { parser.append($0) }
        #expect(parser.next().request?.path == "/raw")
    }
}

extension RequestParser.Event {
    var isNeedMore: Bool {
        if case .needMore = self { return true }
        return false
    }

    var isContinue: Bool {
        if case .continueExpected = self { return true }
        return false
    }

    var request: Request? {
        if case .request(let request) = self { return request }
        return nil
    }
}
