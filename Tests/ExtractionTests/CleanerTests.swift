import Testing

@testable import Extraction

@Suite struct CleanerTests {
    @Test func dropsTitleLineAndForeignFooter() {
        let body = Cleaner.clean(Fixture.text("seed-putin-hosts-abbas"), title: "What Did Putin Discuss with Mahmoud Abbas?")
        #expect(body.hasPrefix("Russian President Vladimir Putin hosted"))
        #expect(body.hasSuffix("bracing for potential escalation."))
        #expect(!body.contains("Facebook"))
    }

    @Test(arguments: [
        "Follow us on Telegram for the latest updates",
        "Subscribe to our newsletter",
        "Toutes les nouvelles sur notre page",
    ])
    func dropsTrailingBoilerplate(_ footer: String) {
        let prose = String(repeating: "The minister said that the talks in the capital were useful and that more would follow. ", count: 6)
        #expect(Cleaner.clean(prose + "\n" + footer) == prose.trimmingCharacters())
    }

    @Test func keepsAShortLastSentenceOfProse() {
        let prose = String(repeating: "The minister said that the talks in the capital were useful and that more would follow. ", count: 6)
        let body = Cleaner.clean(prose + "\nFacebook declined to comment on the report.")
        #expect(body.hasSuffix("Facebook declined to comment on the report."))
    }
}
