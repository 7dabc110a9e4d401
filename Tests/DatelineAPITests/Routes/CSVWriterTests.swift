import Testing

@testable import DatelineAPI

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("two\nlines", "\"two\nlines\""),
        ("cr\r\nlf", "\"cr\r\nlf\""),
        ("", ""),
    ])
    func quotesOnlyWhatNeedsIt(field: String, written: String) {
        #expect(CSVWriter.escape(field) == written)
    }

    @Test func recordsEndWithCRLF() {
        var writer = CSVWriter(header: ["a", "b"])
        writer.append(["1", "x,y"])
        #expect(writer.text == "a,b\r\n1,\"x,y\"\r\n")
    }
}
