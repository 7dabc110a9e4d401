import Testing

@testable import HTTPServer

@Suite struct ChunkedDecoderTests {
    private func chunked(_ body: String) -> String {
        "POST /upload HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\(body)"
    }

    @Test func decodesChunks() {
        let request = ParserHarness.request(chunked("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"), oneByteAtATime: true)
        #expect(request?.body == "hello world")
    }

    @Test func hexSizesInEitherCase() {
        let ten = "0123456789"
        let request = ParserHarness.request(chunked("A\r\n\(ten)\r\na\r\n\(ten)\r\n1f\r\n\(ten)\(ten)\(ten)x\r\n0\r\n\r\n"))
        #expect(request?.body.count == 51)
    }

    @Test func extensionsAreIgnored() {
        let request = ParserHarness.request(chunked("5;name=value;flag\r\nhello\r\n1 ; x=\"q\"\r\n!\r\n0;last\r\n\r\n"))
        #expect(request?.body == "hello!")
    }

    @Test func trailersAreCheckedAndDropped() {
        let request = ParserHarness.request(chunked("3\r\nabc\r\n0\r\nX-Checksum: abc\r\nX-Other:  1 \r\n\r\n"), oneByteAtATime: true)
        #expect(request?.body == "abc")
        #expect(request?.fields == ["Host: h", "Transfer-Encoding: chunked"])
    }

    @Test(arguments: ["X-A: 1\r\n folded", "NoColon", "X-A : 1", "X-A: \u{1}"])
    func invalidTrailerIs400(trailer: String) {
        #expect(ParserHarness.status(chunked("0\r\n\(trailer)\r\n\r\n")) == 400)
    }

    @Test(arguments: ["5\r\nhelloX\r\n0\r\n\r\n", "5\r\nhello\n0\r\n\r\n", "5\r\nhello world\r\n0\r\n\r\n", "5\r\nhello\r0\r\n\r\n"])
    func missingCRLFAfterDataIs400(body: String) {
        let outcome = ParserHarness.single(chunked(body))
        #expect(outcome == .failure(400, "Chunk data not followed by CRLF"))
    }

    @Test(arguments: ["-5", "+5", "0x5", "", "g", "5 x", "5 ", " 5", "5\t", "00000000000000005", "FFFFFFFFFFFFFFFF"])
    func invalidChunkSizeIs400(size: String) {
        #expect(ParserHarness.status(chunked("\(size)\r\nhello\r\n0\r\n\r\n")) == 400)
    }

    @Test(arguments: ["5\nhello\r\n0\r\n\r\n", "5\rhello\r\n0\r\n\r\n", "0\r\n\n", "0\r\nX-A: 1\n\r\n"])
    func bareLineEndingInChunkedBodyIs400(body: String) {
        #expect(ParserHarness.status(chunked(body)) == 400)
    }

    @Test func overlongChunkSizeLineIs400() {
        let longExtension = ";" + String(repeating: "x", count: RequestParser.ChunkedDecoder.maxSizeLineBytes)
        #expect(ParserHarness.run([Array(chunked("5\(longExtension)").utf8)]).last?.status == 400)
    }

    @Test(arguments: [
        ("0", 0), ("5", 5), ("a", 10), ("FF", 255), ("10;x=y", 16), ("7FFFFFFFFFFFFFFF", Int.max), ("0000000000000001", 1),
    ])
    func chunkSize(line: String, size: Int) throws {
        #expect(try RequestParser.ChunkedDecoder.chunkSize(ArraySlice(line.utf8)) == size)
    }

    @Test func pipelinedAfterAChunkedBody() {
        let outcomes = ParserHarness.parse(chunked("3\r\nabc\r\n0\r\n\r\n") + "GET /next HTTP/1.1\r\nHost: h\r\n\r\n")
        #expect(outcomes.map(\.request?.path) == ["/upload", "/next"])
        #expect(outcomes.first?.request?.body == "abc")
    }
}
