/// Training and scoring the entity tagger on annotated corpora, for `dateline-train`.
public enum EntityTaggerTraining {
    /// Precision, recall and F1 of names, overall and per class, as conlleval counts them: a
    /// name is right only when its words and its class both match.
    public struct Scores: Sendable, CustomStringConvertible {
        public struct Counts: Sendable {
            public var correct = 0
            public var predicted = 0
            public var gold = 0

            public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
            public var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
            public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        }

        /// Counts per class label (`PER`, `ORG`, `LOC`, `MISC`).
        public var byClass: [String: Counts] = [:]

        /// Every class together, as conlleval's overall line.
        public var overall: Counts { total(of: ["PER", "ORG", "LOC", "MISC"]) }

        /// People, organizations and places, the classes Dateline keeps as entities.
        public var typed: Counts { total(of: ["PER", "ORG", "LOC"]) }

        private func total(of labels: [String]) -> Counts {
            labels.reduce(into: Counts()) { sum, label in
                let c = byClass[label] ?? Counts()
                sum.correct += c.correct
                sum.predicted += c.predicted
                sum.gold += c.gold
            }
        }

        public var description: String {
            func line(_ name: String, _ c: Counts) -> String {
                let figures = [c.precision, c.recall, c.f1].map { String(Int(($0 * 10_000).rounded())).padded(to: 5, left: true) }
                return
                    "\(name.padded(to: 12, left: false)) P \(figures[0])  R \(figures[1])  F1 \(figures[2])  (gold \(c.gold), predicted \(c.predicted))"
            }
            let classes = EntityTag.NameClass.allCases.map(\.label).map { line($0, byClass[$0] ?? Counts()) }
            return ([line("overall", overall), line("PER+ORG+LOC", typed)] + classes).joined(separator: "\n")
                + "\n(figures in hundredths of a percent)"
        }
    }

    /// Trains weights on `corpora` and returns them in their file form.
    public static func train(
        _ corpora: [CoNLLCorpus], knowledge: KnowledgeBase, epochs: Int, seed: UInt64,
        progress: (Int, Double) -> Void = { _, _ in }
    ) -> [UInt8] {
        let documents = corpora.flatMap(\.documents).map { sentences in
            EntityTaggerTrainer.Document(
                sentences: sentences.map { sentence in
                    (TaggerSentence(sentence.words, knowledge: knowledge), NameSpan.tags(for: sentence.names, count: sentence.words.count))
                })
        }
        var trainer = EntityTaggerTrainer()
        return trainer.train(documents, epochs: epochs, seed: seed, progress: progress).serialized()
    }

    /// Tags `corpus` with the weights in `model` and scores the names found.
    public static func evaluate(model: [UInt8], knowledge: KnowledgeBase, on corpus: CoNLLCorpus) throws -> Scores {
        let model = try EntityTaggerModel(bytes: model)
        var scores = Scores()
        for document in corpus.documents {
            var tagger = EntityTagger(model: model, words: document.lazy.flatMap(\.words))
            for sentence in document {
                let tags = tagger.tag(TaggerSentence(sentence.words, knowledge: knowledge))
                let found = Set(
                    NameSpan.joiningOrganizations(NameSpan.spans(in: tags), words: sentence.words) { knowledge.nameClass(of: $0) != nil })
                let gold = Set(sentence.names)
                for span in found { scores.byClass[span.nameClass.label, default: .init()].predicted += 1 }
                for span in gold { scores.byClass[span.nameClass.label, default: .init()].gold += 1 }
                for span in found.intersection(gold) { scores.byClass[span.nameClass.label, default: .init()].correct += 1 }
            }
        }
        return scores
    }
}

extension String {
    fileprivate func padded(to width: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - count))
        return left ? fill + self : self + fill
    }
}
