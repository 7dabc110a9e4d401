import Testing

@testable import HTTPServer

@Suite struct HeaderListTests {
    @Test(
        arguments: [
            ("gzip, br", ["gzip", "br"]),
            (" gzip ,\t, br\t", ["gzip", "br"]),
            ("gzip;q=0.5,identity", ["gzip;q=0.5", "identity"]),
            ("", []),
            (",", []),
            (" , ,", []),
            ("Accept,", ["Accept"]),
            (",Origin", ["Origin"]),
            ("é, ü", ["é", "ü"]),
        ] as [(String, [String])])
    func listsNonEmptyTrimmedElements(value: String, expected: [String]) {
        #expect(HeaderList.elements(value) == expected.map { Substring($0) })
        #expect(HeaderList.elements(value[...]) == expected.map { Substring($0) })
    }
}
