import Testing

@testable import HTTPServer

@Suite struct FieldLineParsingTests {
    private func head(_ fields: String, version: String = "HTTP/1.1") -> String {
        "GET / \(version)\r\n\(fields)\r\n"
    }

    @Test func valuesAreTrimmedOfOptionalWhitespace() {
        let request = ParserHarness.request(head("Host: h\r\nX-A: \t v a\tl \t \r\nX-Empty:\r\nX-Tight:x\r\n"), oneByteAtATime: true)
        #expect(request?.fields == ["Host: h", "X-A: v a\tl", "X-Empty: ", "X-Tight: x"])
    }

    @Test func repeatedFieldsKeepTheirOrder() {
        let request = ParserHarness.request(head("Host: h\r\nAccept: a\r\nX-B: 1\r\naccept: b\r\n"))
        #expect(request?.fields == ["Host: h", "Accept: a", "X-B: 1", "accept: b"])
    }

    @Test func nonASCIIValueBytesAreKept() {
        let request = ParserHarness.request(head("Host: h\r\nX-Place: Zürich\r\n"))
        #expect(request?.fields.last == "X-Place: Zürich")
    }

    @Test(arguments: [" folded", "\tfolded"])
    func obsoleteLineFoldingIs400(continuation: String) {
        let outcome = ParserHarness.single(head("Host: h\r\nX-A: one\r\n\(continuation)\r\n"))
        #expect(outcome == .failure(400, "Header field line starts with whitespace (obsolete line folding)"))
    }

    @Test func foldingBeforeTheFirstFieldIs400() {
        #expect(ParserHarness.status(head(" Host: h\r\n")) == 400)
    }

    @Test(arguments: ["Host : h", "X-A\t: 1", "X-A  : 1"])
    func whitespaceBeforeColonIs400(line: String) {
        let outcome = ParserHarness.single(head("Host: h\r\n\(line)\r\n"))
        #expect(outcome == .failure(400, "Whitespace between header field name and colon"))
    }

    @Test(arguments: ["X(A): 1", ": 1", "X A: 1", "NoColon", "X-É: 1", "X\u{1}: 1"])
    func invalidFieldNameIs400(line: String) {
        #expect(ParserHarness.status(head("Host: h\r\n\(line)\r\n")) == 400)
    }

    @Test(arguments: ["a\u{0}b", "a\u{1}b", "a\u{1F}b", "a\u{7F}b", "\u{0B}"])
    func controlCharacterInValueIs400(value: String) {
        let outcome = ParserHarness.single(head("Host: h\r\nX-A: \(value)\r\n"))
        #expect(outcome == .failure(400, "Header field X-A contains a control character"))
    }

    @Test func missingHostInHTTP11Is400() {
        let outcome = ParserHarness.single(head("Accept: */*\r\n"))
        #expect(outcome == .failure(400, "HTTP/1.1 request without a Host header field"))
    }

    @Test func hostMayBeOmittedInHTTP10() {
        let request = ParserHarness.request(head("Accept: */*\r\n", version: "HTTP/1.0"))
        #expect(request?.authority == nil)
        #expect(request?.version == .http1_0)
    }

    @Test(arguments: ["HTTP/1.1", "HTTP/1.0"])
    func moreThanOneHostIs400(version: String) {
        let outcome = ParserHarness.single(head("Host: a\r\nHost: a\r\n", version: version))
        #expect(outcome == .failure(400, "More than one Host header field"))
    }

    @Test(arguments: ["example.org", "example.org:8080", "[::1]:8080", "127.0.0.1"])
    func hostBecomesTheAuthority(host: String) {
        #expect(ParserHarness.request(head("Host: \(host)\r\n"))?.authority == host)
    }

    @Test func emptyHostIsAllowedAndGivesNoAuthority() {
        let request = ParserHarness.request(head("Host:\r\n"))
        #expect(request != nil)
        #expect(request?.authority == nil)
    }

    @Test(arguments: ["a b", "h/x", "user@h", "h?x", "h#x"])
    func invalidHostIs400(host: String) {
        #expect(ParserHarness.status(head("Host: \(host)\r\n")) == 400)
    }
}
