import Testing

@testable import Extraction

@Suite struct EntityTaggerTrainerTests {
    /// A small made-up corpus: people after `Mr.`, places after `in`, firms ending in `Corp`.
    static let corpus = CoNLLCorpus(
        text: (0..<40).map { k in
            let person = ["Alma", "Brix", "Cato", "Dora", "Egon"][k % 5] + " " + ["Vell", "Mund", "Rask", "Tofe"][k % 4]
            let place = ["Lendo", "Mirva", "Ostrava", "Kastel"][k % 4]
            let firm = ["Harbor", "Dunmore", "Quell"][k % 3]
            return """
                -DOCSTART- O

                Mr. O
                \(person.split(separator: " ").enumerated().map { "\($1) \($0 == 0 ? "B" : "I")-PER" }.joined(separator: "\n"))
                met O
                staff O
                of O
                \(firm) B-ORG
                Corp I-ORG
                in O
                \(place) B-LOC
                . O
                """
        }.joined(separator: "\n\n"))

    static let knowledge = KnowledgeBase(entries: [])

    @Test func learnsTheCorpusAndIsDeterministic() throws {
        let first = EntityTaggerTraining.train([Self.corpus], knowledge: Self.knowledge, epochs: 5, seed: 7)
        let second = EntityTaggerTraining.train([Self.corpus], knowledge: Self.knowledge, epochs: 5, seed: 7)
        #expect(first == second)
        let scores = try EntityTaggerTraining.evaluate(model: first, knowledge: Self.knowledge, on: Self.corpus)
        #expect(scores.overall.f1 > 0.99, "\(scores)")
        #expect(scores.overall.gold == 120)
    }

    @Test func tagsUnseenNamesByTheirContext() throws {
        let model = try EntityTaggerModel(bytes: EntityTaggerTraining.train([Self.corpus], knowledge: Self.knowledge, epochs: 5, seed: 7))
        var tagger = EntityTagger(model: model, words: [])
        let words = ["Mr.", "Zeno", "Vell", "met", "staff", "of", "Brant", "Corp", "in", "Velmarra", "."]
        let spans = NameSpan.spans(in: tagger.tag(TaggerSentence(words, knowledge: nil)))
        #expect(
            spans == [
                NameSpan(nameClass: .person, words: 1..<3), NameSpan(nameClass: .organization, words: 6..<8),
                NameSpan(nameClass: .location, words: 9..<10),
            ])
    }
}

@Suite struct EntityTaggerModelTests {
    @Test func fileFormRoundTripsAndScores() throws {
        let model = EntityTaggerModel(rows: [
            (feature: 42, weights: [(tag: 1, weight: 0.5), (tag: 3, weight: -2)]),
            (feature: 7, weights: [(tag: 1, weight: 1)]),
        ])
        let bytes = model.serialized()
        let read = try EntityTaggerModel(bytes: bytes)
        #expect(read.serialized() == bytes)
        #expect(read.featureCount == 2)
        var scores = [Float](repeating: 9, count: EntityTag.count)
        read.score([42, 7, 1000], into: &scores)
        #expect(scores[1] == 1.5 && scores[3] == -2 && scores[0] == 0)
    }

    @Test(arguments: [[UInt8](), Array("DLET".utf8), Array("XXXX".utf8) + [1, 0, 0, 0]])
    func refusesFilesThatAreNotWeights(_ bytes: [UInt8]) {
        #expect(throws: EntityTaggerModel.FormatError.self) { try EntityTaggerModel(bytes: bytes) }
    }

    @Test func refusesATruncatedFile() {
        let bytes = EntityTaggerModel(rows: [(feature: 42, weights: [(tag: 1, weight: 0.5)])]).serialized()
        #expect(throws: EntityTaggerModel.FormatError.self) { try EntityTaggerModel(bytes: Array(bytes.dropLast())) }
    }
}
