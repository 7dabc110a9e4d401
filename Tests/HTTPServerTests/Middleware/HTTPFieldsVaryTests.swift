import HTTPTypes
import Testing

@testable import HTTPServer

@Suite struct HTTPFieldsVaryTests {
    @Test(
        arguments: [
            (nil, ["Origin"], "Origin"),
            ("Accept-Encoding", ["Origin"], "Accept-Encoding, Origin"),
            ("accept-encoding", ["Accept-Encoding"], "accept-encoding"),
            ("*", ["Origin"], "*"),
            (nil, ["Origin", "Origin", "Accept"], "Origin, Accept"),
            ("ORIGIN", ["origin"], "ORIGIN"),
            ("Accept", ["Accept-Charset", "accept"], "Accept, Accept-Charset"),
            ("Accept-Charset", ["Accept"], "Accept-Charset, Accept"),
        ] as [(String?, [String], String)])
    func mergesNames(existing: String?, names: [String], expected: String) {
        var fields = HTTPFields()
        if let existing { fields[.vary] = existing }
        for name in names { fields.mergeVary(name) }
        #expect(fields[.vary] == expected)
        #expect(fields[values: .vary].count == 1)
    }

    @Test func mergesSeveralNamesAtOnceListingEachOnce() {
        var fields = HTTPFields()
        fields[.vary] = "Accept"
        fields.mergeVary("Origin", "ACCEPT", "origin", "Accept-Encoding")
        #expect(fields[.vary] == "Accept, Origin, Accept-Encoding")
    }

    @Test func joinsSeveralVaryFields() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .vary, value: "Accept"))
        fields.append(HTTPField(name: .vary, value: "Origin"))
        fields.mergeVary("Origin")
        #expect(fields[values: .vary] == ["Accept, Origin"])
    }
}
