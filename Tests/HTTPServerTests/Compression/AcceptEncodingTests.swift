import Testing

@testable import HTTPServer

@Suite struct AcceptEncodingTests {
    @Test(
        arguments: [
            ("gzip", CompressionFormat.gzip),
            ("deflate", .deflate),
            ("gzip, deflate, br", .gzip),
            ("deflate, gzip", .gzip),
            ("br;q=1.0, gzip;q=0.8, *;q=0.1", .gzip),
            ("gzip;q=0.5, deflate;q=0.6", .deflate),
            ("GZIP", .gzip),
            ("x-gzip", .gzip),
            ("*", .gzip),
            ("*;q=0.3, gzip;q=0", .deflate),
            ("identity;q=0.5, gzip", .gzip),
            ("gzip ; q=0.8 , deflate;Q=0.9", .deflate),
            ("gzip;q=1.000", .gzip),
            ("gzip;level=1;q=0.4", .gzip),
            (",, gzip ,", .gzip),
            ("gzip;q=0.4, *;q=0.5", .deflate),
        ] as [(String, CompressionFormat)])
    func choosesACoding(field: String, expected: CompressionFormat) {
        #expect(AcceptEncoding(field).preferred(among: [.gzip, .deflate]) == expected)
    }

    @Test(arguments: [
        "",
        "identity",
        "br",
        "gzip;q=0",
        "gzip;q=0.000, deflate;q=0",
        "*;q=0",
        "gzip;q=0.5, identity",
        "gzip;q=0.4, identity;q=0.5",
        "gzip;q=1.5",
        "gzip;q=abc",
        "gzip;q=0.1234",
    ])
    func keepsIdentity(field: String) {
        #expect(AcceptEncoding(field).preferred(among: [.gzip, .deflate]) == nil)
    }

    @Test(
        arguments: [
            ("0", 0), ("1", 1000), ("0.5", 500), ("0.25", 250), ("0.125", 125), ("1.", 1000), ("1.000", 1000),
            ("0.", 0),
        ] as [(String, Int)])
    func readsWeights(text: String, thousandths: Int) {
        #expect(AcceptEncoding.weight(Substring(text)) == thousandths)
    }

    @Test(arguments: ["", "2", "1.5", "1.001", "0.1234", ".5", "-0", "0,5", "q"])
    func refusesBadWeights(text: String) {
        #expect(AcceptEncoding.weight(Substring(text)) == nil)
    }

    @Test func theOrderOfFormatsBreaksTies() {
        #expect(AcceptEncoding("gzip, deflate").preferred(among: [.deflate, .gzip]) == .deflate)
        #expect(AcceptEncoding("gzip, deflate").preferred(among: [.deflate]) == .deflate)
        #expect(AcceptEncoding("gzip").preferred(among: []) == nil)
    }

    @Test func namedCodingsOverrideTheWildcard() {
        let field = AcceptEncoding("*;q=0.2, gzip;q=0.9")
        #expect(field.quality(of: "gzip") == 900)
        #expect(field.quality(of: "deflate") == 200)
        #expect(field.quality(of: "identity") == 200)
        #expect(AcceptEncoding("gzip").quality(of: "deflate") == nil)
    }
}
