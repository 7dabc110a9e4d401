import Testing

@testable import HTTPServer

@Suite struct FieldScannerTests {
    @Test func takesOnlyWhatComesNext() {
        var scanner = FieldScanner("W/x")
        let slashFirst = scanner.take(UInt8(ascii: "/"))
        #expect(!slashFirst)
        let weak = scanner.take(UInt8(ascii: "W")) && scanner.take(UInt8(ascii: "/"))
        #expect(weak)
        let last = scanner.take(UInt8(ascii: "x"))
        #expect(last && scanner.atEnd)
        let past = scanner.take(UInt8(ascii: "x"))
        #expect(!past)
    }

    @Test func aLiteralIsTakenWholeOrNotAtAll() {
        var scanner = FieldScanner(" GMX")
        let whole = scanner.literal(" GMT")
        #expect(!whole && scanner.index == 0)
        let part = scanner.literal(" GM")
        #expect(part && scanner.index == 3)
    }

    @Test func optionalWhitespaceIsSpacesAndTabs() {
        var scanner = FieldScanner(" \t \"a\"")
        scanner.skipOWS()
        #expect(scanner.index == 3)
        scanner.skipOWS()
        #expect(scanner.index == 3)
    }
}
