import Testing

@testable import Extraction

@Suite struct CoNLLCorpusTests {
    @Test func readsDocumentsSentencesAndIOB1Chunks() {
        let corpus = CoNLLCorpus(
            text: """
                -DOCSTART- -X- -X- O

                EU NNP B-NP I-ORG
                rejects VBZ B-VP O
                German JJ B-NP I-MISC
                call NN I-NP O

                Peter NNP B-NP I-PER
                Blackburn NNP I-NP I-PER
                Smith NNP I-NP B-PER

                -DOCSTART- -X- -X- O

                In O
                Brussels B-LOC
                """)
        #expect(corpus.documentCount == 2)
        #expect(corpus.wordCount == 9)
        let first = corpus.documents[0]
        #expect(first[0].names == [NameSpan(nameClass: .organization, words: 0..<1), NameSpan(nameClass: .miscellaneous, words: 2..<3)])
        // `B-PER` right after `I-PER` starts a second name.
        #expect(first[1].names == [NameSpan(nameClass: .person, words: 0..<2), NameSpan(nameClass: .person, words: 2..<3)])
        #expect(corpus.documents[1][0].names == [NameSpan(nameClass: .location, words: 1..<2)])
    }
}
