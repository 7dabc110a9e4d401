import Testing

@testable import HTTPServer

@Suite struct LimitParsingTests {
    @Test func requestLineAtTheLimitIsAccepted() {
        let line = "GET /" + String(repeating: "a", count: 22) + " HTTP/1.1"
        #expect(line.utf8.count == 36)
        let request = ParserHarness.request("\(line)\r\nHost: h\r\n\r\n", limits: ParserHarness.limits(requestLine: 36))
        #expect(request?.path == "/" + String(repeating: "a", count: 22))
    }

    @Test func requestLineOverTheLimitIs414() {
        let line = "GET /" + String(repeating: "a", count: 23) + " HTTP/1.1"
        let outcome = ParserHarness.single("\(line)\r\nHost: h\r\n\r\n", limits: ParserHarness.limits(requestLine: 36))
        #expect(outcome == .failure(414, "Request line longer than 36 bytes"))
    }

    @Test func overlongRequestLineIsRefusedBeforeItEnds() {
        var parser = RequestParser(limits: ParserHarness.limits(requestLine: 36))
        parser.append(Array(("GET /" + String(repeating: "a", count: 31)).utf8))
        guard case .needMore = parser.next() else {
            Issue.record("36 bytes without a line end are still within the limit")
            return
        }
        parser.append(Array("a".utf8))
        guard case .failure(let error) = parser.next() else {
            Issue.record("expected a failure at 37 bytes")
            return
        }
        #expect(error.status == .uriTooLong)
    }

    /// `Host: h` and `X-A: 1234` with their CRLFs are 9 + 11 = 20 bytes.
    @Test func headerSectionAtTheLimitIsAccepted() {
        let request = ParserHarness.request("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1234\r\n\r\n", limits: ParserHarness.limits(headerBytes: 20))
        #expect(request != nil)
    }

    @Test func headerSectionOverTheLimitIs431() {
        let outcome = ParserHarness.single("GET / HTTP/1.1\r\nHost: h\r\nX-A: 12345\r\n\r\n", limits: ParserHarness.limits(headerBytes: 20))
        #expect(outcome == .failure(431, "Header section larger than 20 bytes"))
    }

    @Test func overlongHeaderSectionIsRefusedBeforeItEnds() {
        let limits = ParserHarness.limits(headerBytes: 20)
        let outcomes = ParserHarness.run([Array("GET / HTTP/1.1\r\nHost: h\r\nX-A: 123".utf8), Array("45".utf8)], limits: limits)
        #expect(outcomes == [.failure(431, "Header section larger than 20 bytes")])
        #expect(ParserHarness.run([Array("GET / HTTP/1.1\r\nHost: h\r\nX-A: 123".utf8)], limits: limits) == [])
    }

    @Test func headerCountAtTheLimitIsAccepted() {
        let request = ParserHarness.request(
            "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\n\r\n", limits: ParserHarness.limits(headerCount: 3))
        #expect(request?.fields.count == 3)
    }

    @Test func headerCountOverTheLimitIs431() {
        let outcome = ParserHarness.single(
            "GET / HTTP/1.1\r\nHost: h\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", limits: ParserHarness.limits(headerCount: 3))
        #expect(outcome == .failure(431, "More than 3 header fields"))
    }

    @Test func bodyAtTheLimitIsAccepted() {
        let request = ParserHarness.request(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\n12345678", limits: ParserHarness.limits(body: 8))
        #expect(request?.body == "12345678")
    }

    @Test(arguments: ["", "Expect: 100-continue\r\n"])
    func announcedBodyOverTheLimitIs413AtOnce(expect: String) {
        // Only the head is sent: the refusal must not wait for the body, nor invite it.
        let outcome = ParserHarness.single(
            "POST / HTTP/1.1\r\nHost: h\r\n\(expect)Content-Length: 9\r\n\r\n", limits: ParserHarness.limits(body: 8))
        #expect(outcome == .failure(413, "Request body larger than 8 bytes"))
    }

    @Test func hugeContentLengthIs413() {
        let outcome = ParserHarness.single("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n")
        #expect(outcome?.status == 413)
    }

    @Test func chunkedBodyOverTheLimitIs413BeforeTheChunkArrives() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
        let outcome = ParserHarness.single(head + "5\r\n12345\r\n4\r\n", limits: ParserHarness.limits(body: 8))
        #expect(outcome == .failure(413, "Request body larger than 8 bytes"))
        #expect(
            ParserHarness.request(head + "5\r\n12345\r\n3\r\n678\r\n0\r\n\r\n", limits: ParserHarness.limits(body: 8))?.body == "12345678")
    }

    @Test func trailersCountTowardTheFieldLimit() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        let limits = ParserHarness.limits(headerCount: 3)
        #expect(ParserHarness.request(head + "T: 1\r\n\r\n", limits: limits) != nil)
        #expect(ParserHarness.status(head + "T: 1\r\nU: 2\r\n\r\n", limits: limits) == 431)
    }

    /// The head's fields take 9 + 28 = 37 bytes; a trailer `T: 1` adds 6.
    @Test func trailersCountTowardTheByteLimit() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
        #expect(ParserHarness.request(head + "T: 1\r\n\r\n", limits: ParserHarness.limits(headerBytes: 43)) != nil)
        #expect(ParserHarness.status(head + "T: 1\r\n\r\n", limits: ParserHarness.limits(headerBytes: 42)) == 431)
    }
}
