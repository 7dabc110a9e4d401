import Testing

@testable import Extraction

@Suite struct ClauseFinderTests {
    /// A sentence, then for each clause: subject, main verb and form.
    static let cases: [(String, [(String, String, Clause.Form)])] = [
        ("Israel struck a school in Gaza.", [("Israel", "struck", .past)]),
        ("The talks have resumed in Doha.", [("The talks", "resumed", .perfect)]),
        ("Twelve people were killed in the blast.", [("Twelve people", "killed", .passive)]),
        ("The minister will travel to Cairo.", [("The minister", "travel", .future)]),
        ("Rebels were fighting near the border.", [("Rebels", "fighting", .progressive)]),
        ("The injured man fled.", [("The injured man", "fled", .past)]),
        ("Three people died when a bus overturned.", [("Three people", "died", .past), ("a bus", "overturned", .past)]),
        ("Rebels seized the airport and torched the terminal.", [("Rebels", "seized", .past), ("Rebels", "torched", .past)]),
        ("Reyk, who first took office in 2013, had campaigned hard.", [("Reyk", "took", .past), ("Reyk", "campaigned", .perfect)]),
        ("Marsh, a former judge, took office.", [("Marsh", "took", .past)]),
        ("Iran may launch an attack.", [("Iran", "launch", .modal)]),
        ("Colville said the strikes breached international law.", [("Colville", "said", .past), ("the strikes", "breached", .past)]),
        ("The company plans to redeem its bonds.", [("The company", "plans", .present)]),
        ("The court is due to hear the case.", [("The court", "hear", .future)]),
        ("Ruane is due to be sentenced next month.", [("Ruane", "sentenced", .future)]),
        // A participle after a preposition's noun, once a verb has come, describes the noun.
        (
            "The agency said in a report released on Wednesday that the road had reopened.",
            [("The agency", "said", .past), ("the road", "reopened", .perfect)]
        ),
        ("Additional details of the slaying emerged on Sunday.", [("Additional details of the slaying", "emerged", .past)]),
        ("The two sides signed the deal reached in May.", [("The two sides", "signed", .past)]),
        ("Police said the army attacked the town.", [("Police", "said", .past), ("the army", "attacked", .past)]),
        ("The project was first proposed by a committee.", [("The project", "proposed", .passive)]),
        (
            "Elian's father joined Castro in what has become a daily rally.",
            [("Elian's father", "joined", .past), ("", "become", .perfect)]
        ),
    ]

    @Test(arguments: cases)
    func finds(_ c: (String, [(String, String, Clause.Form)])) {
        let tokens = Fixture.tokens(c.0)
        let clauses = ClauseFinder.clauses(in: tokens, sentence: 0..<tokens.count)
        #expect(clauses.count == c.1.count, "\(c.0)")
        for (clause, expected) in zip(clauses, c.1) {
            #expect(clause.subject.map { tokens[$0].text }.joined(separator: " ") == expected.0, "\(c.0)")
            #expect(tokens[clause.head].text == expected.1, "\(c.0)")
            #expect(clause.form == expected.2, "\(c.0)")
        }
    }

    @Test func reportingVerbKeepsWhatWasSaid() throws {
        let tokens = Fixture.tokens("Colville said the strikes breached international law, which bars them.")
        let said = try #require(ClauseFinder.clauses(in: tokens, sentence: 0..<tokens.count).first)
        #expect(tokens[said.tail].map(\.text).joined(separator: " ") == "the strikes breached international law , which bars them")
    }

    @Test(arguments: ["The seed was sown.", "A hundred people came.", "Iran-backed groups gathered."])
    func wordsThatOnlyLookPast(_ sentence: String) {
        let tokens = Fixture.tokens(sentence)
        let heads = ClauseFinder.clauses(in: tokens, sentence: 0..<tokens.count).map { tokens[$0.head].lower }
        #expect(!heads.contains { ["seed", "hundred", "iran-backed"].contains($0) })
    }
}
