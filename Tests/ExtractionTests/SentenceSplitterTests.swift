import Testing

@testable import Extraction

@Suite struct SentenceSplitterTests {
    static let cases: [(String, Int)] = [
        ("He blamed the U.S. for blocking resolutions. Abbas left.", 2),
        ("Mr. Smith met Gen. Jones on Jan. 5 in Paris. They talked.", 2),
        ("Growth was 3.5 percent. Prices rose.", 2),
        ("J. K. Rowling spoke. Fans cheered.", 2),
        ("He called Russia one of Palestine's \"dearest friends.\" Abbas thanked Putin.", 2),
        ("\"We will win,\" she said. The crowd cheered!", 2),
        ("Was it over? Nobody knew.", 2),
        ("Sanctions hit the U.S. The talks failed.", 2),
        ("First paragraph without a stop\nSecond paragraph.", 2),
        ("The company, Acme Corp. said it would appeal.", 1),
    ]

    @Test(arguments: cases)
    func splits(_ text: String, _ count: Int) {
        let tokens = Fixture.tokens(text)
        #expect(SentenceSplitter.split(tokens).count == count)
    }

    @Test func closingQuoteStaysWithItsSentence() {
        let text = "It was one of Palestine's \"dearest friends.\" Abbas left."
        let sentences = SentenceSplitter.split(Fixture.tokens(text))
        #expect(Fixture.slice(text, sentences[0].start, sentences[0].end).hasSuffix("friends.\""))
    }
}
