import Testing

@testable import HTTPServer

@Suite struct EntityTagTests {
    @Test(
        arguments: [
            ("\"abc\"", "abc", false),
            ("W/\"abc\"", "abc", true),
            ("  \"a,b\"  ", "a,b", false),
            ("\"\"", "", false),
        ] as [(String, String, Bool)])
    func parsesOneTag(text: String, opaque: String, weak: Bool) throws {
        let tag = try #require(EntityTag(parsing: text))
        #expect(tag.opaqueTag == opaque)
        #expect(tag.isWeak == weak)
    }

    @Test(arguments: ["abc", "\"abc", "w/\"abc\"", "\"a b\"", "\"abc\" x", "W/abc", "*"])
    func refusesBadTags(text: String) {
        #expect(EntityTag(parsing: text) == nil)
    }

    @Test func parsesLists() throws {
        let condition = try #require(EntityTag.Condition(parsing: "\"a\", W/\"b\",\"c,d\" ,, \"e\""))
        #expect(condition == .tags([EntityTag("a"), EntityTag("b", isWeak: true), EntityTag("c,d"), EntityTag("e")]))
        #expect(EntityTag.Condition(parsing: " * ") == .any)
        #expect(EntityTag.Condition(parsing: "*, \"a\"") == nil)
        #expect(EntityTag.Condition(parsing: "\"a\" \"b\"") == nil)
        #expect(EntityTag.Condition(parsing: "a") == nil)
        #expect(EntityTag.Condition(parsing: "") == nil)
    }

    @Test(
        arguments: [
            ("\"a\"", "\"a\"", true, true),
            ("W/\"a\"", "\"a\"", true, false),
            ("W/\"a\"", "W/\"a\"", true, false),
            ("\"a\"", "\"b\"", false, false),
        ] as [(String, String, Bool, Bool)])
    func comparesWeaklyAndStrongly(left: String, right: String, weak: Bool, strong: Bool) throws {
        let a = try #require(EntityTag(parsing: left))
        let b = try #require(EntityTag(parsing: right))
        #expect(a.matchesWeakly(b) == weak)
        #expect(a.matchesStrongly(b) == strong)
    }

    @Test func conditionsMatchWeakly() {
        #expect(EntityTag.Condition.any.matchesWeakly(EntityTag("x")))
        #expect(EntityTag.Condition.tags([EntityTag("x", isWeak: true)]).matchesWeakly(EntityTag("x")))
        #expect(!EntityTag.Condition.tags([EntityTag("y")]).matchesWeakly(EntityTag("x")))
    }
}
