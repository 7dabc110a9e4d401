import Testing

@testable import NewsModel

@Suite struct IDSuffixesTests {
    @Test(arguments: [
        ("base-2", "base", 2), ("a-b-17", "a-b", 17), ("2024-08-13-consult-putin-123456789", "2024-08-13-consult-putin", 123_456_789),
    ])
    func splitsASuffix(id: String, base: String, suffix: Int) throws {
        let split = try #require(IDSuffixes.split(id))
        #expect(split.base == base && split.suffix == suffix)
    }

    @Test(arguments: ["base", "base-1", "base-0", "base-02", "base-", "-5", "base-1234567890", "base-x2"])
    func leavesOtherIdsWhole(id: String) {
        #expect(IDSuffixes.split(id) == nil)
    }

    @Test func nextSuffixRisesPastTheHighest() {
        var suffixes = IDSuffixes()
        #expect(suffixes.nextSuffix(for: "x") == 2)
        suffixes.note("x")
        suffixes.note("x-7")
        suffixes.note("x-3")
        suffixes.note("y-4")
        #expect(suffixes.nextSuffix(for: "x") == 8)
        #expect(suffixes.nextSuffix(for: "y") == 5)
        #expect(suffixes.nextSuffix(for: "x-7") == 2)
    }
}
