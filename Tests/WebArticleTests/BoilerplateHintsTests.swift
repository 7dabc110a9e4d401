import Testing

@testable import WebArticle

@Suite("Boilerplate hints")
struct BoilerplateHintsTests {
    private func verdict(_ name: String, hints: String = "", role: String = "") -> BoilerplateHints.Verdict {
        BoilerplateHints.verdict(for: PageElement(name: name, hints: hints, role: role))
    }

    @Test func strongMarkers() {
        #expect(verdict("div", hints: "post-comments__list") == .strong)
        #expect(verdict("div", hints: "cookie-consent") == .strong)
        #expect(verdict("div", hints: "ad") == .strong)
        #expect(verdict("section", hints: "more stories") == .strong)
    }

    @Test func layoutMarkersGiveWayToContentWords() {
        #expect(verdict("nav") == .weak)
        #expect(verdict("div", role: "navigation") == .weak)
        #expect(verdict("div", hints: "widget") == .weak)
        #expect(verdict("div", hints: "widget post-content") == .none)
        #expect(verdict("div", hints: "entry-content") == .none)
    }

    @Test func articleContainersAreNeverMarked() {
        #expect(verdict("article", hints: "comments") == .none)
        #expect(verdict("div", hints: "pagebuilder-pagerow") == .none)
        #expect(verdict("div", hints: "adventure-story") == .none)
    }
}
