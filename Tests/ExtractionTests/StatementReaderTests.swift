import Testing

@testable import Extraction

@Suite struct StatementReaderTests {
    /// A sentence, its verb or noun of saying, and what the statement said (nil: not said).
    static let cases: [(String, String, String?)] = [
        ("Hamas announced that it had executed an Israeli hostage.", "announced", "it had executed an Israeli hostage"),
        (
            "Colville told reporters in Geneva on Friday that the strikes breached international law.", "told",
            "the strikes breached international law"
        ),
        ("Colville said the strikes breached international law.", "said", "the strikes breached international law"),
        ("\"We will talk,\" Abbas said.", "said", "We will talk"),
        ("\"We will talk\", said Abbas on Tuesday.", "said", "We will talk"),
        ("Abbas said: \"We will never leave.\"", "said", "We will never leave"),
        ("The ministry issued a statement saying the border would reopen.", "statement", "the border would reopen"),
        ("Hamas issued a statement in 2023.", "statement", nil),
        ("Abbas, the Palestinian leader, said in a speech.", "said", nil),
    ]

    @Test(arguments: cases)
    func readsWhatWasSaid(_ c: (String, String, String?)) throws {
        let scalars = Array(c.0.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let trigger = try #require(tokens.firstIndex { $0.text == c.1 })
        let reader = StatementReader(tokens: tokens, scalars: scalars, sentence: 0..<tokens.count)
        #expect(reader.said(at: trigger) == c.2, "\(c.0)")
    }

    @Test func aLongClauseIsCutAtAWord() {
        let sentence = "Abbas said that " + Array(repeating: "talks", count: 60).joined(separator: " ") + "."
        let scalars = Array(sentence.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let said = StatementReader(tokens: tokens, scalars: scalars, sentence: 0..<tokens.count).said(at: 1)
        #expect(said?.split(separator: " ").count == StatementReader.maxTokens)
    }

    @Test func theSeedsStatementCarriesWhatHamasAnnounced() throws {
        let statement = try #require(Fixture.seed.events.first { $0.type == .statement })
        #expect(statement.participants.first?.entityId == "hamas")
        #expect(statement.said?.hasPrefix("it had executed an Israeli hostage") == true)
    }
}
