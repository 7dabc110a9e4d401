import Testing

@testable import HTTPServer

@Suite struct LineScannerTests {
    @Test func resumesWhereItStopped() {
        var scanner = RequestParser.LineScanner()
        var buffer = Array("GET / HT".utf8)
        #expect(scanner.nextLine(in: buffer, from: 0, maxLength: 100) == .needMore)
        #expect(scanner.scanned == 8)
        buffer += Array("TP/1.1\r".utf8)
        #expect(scanner.nextLine(in: buffer, from: 0, maxLength: 100) == .needMore)
        // The CR is looked at again once its LF can be seen.
        #expect(scanner.scanned == 14)
        buffer += Array("\nHost".utf8)
        #expect(scanner.nextLine(in: buffer, from: 0, maxLength: 100) == .line(0..<14))
        #expect(scanner.scanned == 0)
        #expect(scanner.nextLine(in: buffer, from: 16, maxLength: 100) == .needMore)
        #expect(scanner.scanned == 4)
    }

    @Test(arguments: [
        ("abc\r\n", 3, RequestParser.LineScanner.Result.line(0..<3)),
        ("abcd\r\n", 3, .tooLong),
        ("abcd", 3, .tooLong),
        ("abc", 3, .needMore),
        ("\r\n", 0, .line(0..<0)),
        ("a\rb\r\n", 10, .bareCR),
        ("a\nb\r\n", 10, .bareLF),
    ])
    func results(input: String, maxLength: Int, expected: RequestParser.LineScanner.Result) {
        var scanner = RequestParser.LineScanner()
        #expect(scanner.nextLine(in: Array(input.utf8), from: 0, maxLength: maxLength) == expected)
    }
}
