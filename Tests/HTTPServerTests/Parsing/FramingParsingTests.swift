import Testing

@testable import HTTPServer

@Suite struct FramingParsingTests {
    private func post(_ fields: String, body: String = "", version: String = "HTTP/1.1") -> String {
        "POST /items \(version)\r\nHost: h\r\n\(fields)\r\n\(body)"
    }

    @Test func contentLengthBody() {
        let request = ParserHarness.request(post("Content-Length: 11\r\n", body: "hello world"), oneByteAtATime: true)
        #expect(request?.body == "hello world")
    }

    @Test(arguments: ["0", "000", "0, 0"])
    func zeroContentLengthIsAnEmptyBody(length: String) {
        #expect(ParserHarness.request(post("Content-Length: \(length)\r\n"))?.body == "")
    }

    @Test func noFramingMeansNoBody() {
        let outcomes = ParserHarness.parse(post("") + "GET / HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcomes.map(\.request?.method) == ["POST", "GET"])
        #expect(outcomes.first?.request?.body == "")
    }

    @Test(arguments: ["5, 5", "5,5", "005, 5", "5\r\nContent-Length: 5", "5, 5\r\nContent-Length: 5"])
    func identicalRepeatedLengthsAreAccepted(length: String) {
        #expect(ParserHarness.request(post("Content-Length: \(length)\r\n", body: "abcde"))?.body == "abcde")
    }

    @Test(arguments: ["5, 6", "5\r\nContent-Length: 6", "5,"])
    func differingLengthsAre400(length: String) {
        #expect(ParserHarness.status(post("Content-Length: \(length)\r\n", body: "abcdef")) == 400)
    }

    @Test(arguments: ["-1", "+5", "5.0", "0x5", "", "5 5", "abc", "1e3", ", 5"])
    func invalidContentLengthIs400(length: String) {
        let outcome = ParserHarness.single(post("Content-Length: \(length)\r\n", body: "abcde"))
        #expect(outcome?.status == 400)
    }

    @Test func contentLengthAndTransferEncodingIs400() {
        let outcome = ParserHarness.single(post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", body: "0\r\n\r\n"))
        #expect(outcome == .failure(400, "Content-Length and Transfer-Encoding both present"))
    }

    @Test func transferEncodingInHTTP10Is400() {
        let outcome = ParserHarness.single(post("Transfer-Encoding: chunked\r\n", body: "0\r\n\r\n", version: "HTTP/1.0"))
        #expect(outcome == .failure(400, "Transfer-Encoding in an HTTP/1.0 request"))
    }

    @Test(arguments: ["chunked", "Chunked", "CHUNKED", " chunked "])
    func chunkedIsCaseInsensitive(coding: String) {
        #expect(ParserHarness.request(post("Transfer-Encoding: \(coding)\r\n", body: "3\r\nabc\r\n0\r\n\r\n"))?.body == "abc")
    }

    @Test(arguments: [
        "gzip, chunked", "gzip", "identity", "chunked, chunked", "chunked,", "chunked;q=1", "",
        "gzip\r\nTransfer-Encoding: chunked", "chunked\r\nTransfer-Encoding: chunked",
    ])
    func otherTransferEncodingIs400(coding: String) {
        #expect(ParserHarness.status(post("Transfer-Encoding: \(coding)\r\n", body: "0\r\n\r\n")) == 400)
    }
}
