import Hashing

/// Trains the tagger's weights with an averaged structured perceptron: search each training
/// sentence with the tagger's beam and the current weights, and where the gold tags fall out
/// of the beam (or lose at the end), move weight from the found sequence's features to the
/// gold one's. The weights kept are the average over every step, which generalizes far
/// better than the last ones.
///
/// Deterministic: the documents are shuffled by a seeded generator, so the same corpus, epochs
/// and seed give the same weights, byte for byte.
struct EntityTaggerTrainer {
    /// One training document: its sentences with their gold tags.
    struct Document: Sendable {
        var sentences: [(sentence: TaggerSentence, tags: [EntityTag])]
    }

    private var index: [UInt64: Int] = [:]
    private var current: [Float] = []
    private var totals: [Double] = []
    private var stamps: [Int] = []
    private var step = 0

    init() {}

    /// Trains over `documents` for `epochs` passes and returns the averaged weights, leaving
    /// out those whose magnitude is below `threshold`. `progress` hears each epoch's share of
    /// sentences tagged right.
    mutating func train(
        _ documents: [Document], epochs: Int, seed: UInt64, threshold: Float = 0.001,
        progress: (Int, Double) -> Void = { _, _ in }
    ) -> EntityTaggerModel {
        var order = Array(documents.indices)
        // What each document knows before its first sentence is tagged, made once for every epoch.
        let memories = documents.map { document in
            DocumentMemory(words: document.sentences.lazy.flatMap { $0.sentence.words.lazy.map(\.text) })
        }
        var generator = SplitMix64(seed: seed)
        for epoch in 1...epochs {
            generator.shuffle(&order)
            var right = 0
            var total = 0
            for d in order {
                var document = memories[d]
                for (sentence, gold) in documents[d].sentences {
                    let words = EntityTagger.wordFeatures(sentence, document: document)
                    let guess = EntityTagger.search(sentence, wordFeatures: words, gold: gold) { score($0, into: &$1) }
                    step += 1
                    total += 1
                    if guess == gold {
                        right += 1
                    } else {
                        let goldPrefix = Array(gold[..<guess.count])
                        for i in guess.indices where guess[max(0, i - 2)...i] != goldPrefix[max(0, i - 2)...i] {
                            update(EntityTagger.features(sentence, wordFeatures: words, tags: goldPrefix, at: i), tag: gold[i], by: 1)
                            update(EntityTagger.features(sentence, wordFeatures: words, tags: guess, at: i), tag: guess[i], by: -1)
                        }
                    }
                    document.remember(NameSpan.spans(in: guess), in: sentence)
                }
            }
            progress(epoch, Double(right) / Double(max(total, 1)))
        }
        return averaged(threshold: threshold)
    }

    private func score(_ features: [UInt64], into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        for feature in features {
            guard let base = index[feature] else { continue }
            for t in 0..<EntityTag.count { scores[t] += current[base + t] }
        }
    }

    private mutating func update(_ features: [UInt64], tag: EntityTag, by delta: Float) {
        for feature in features {
            let base: Int
            if let found = index[feature] {
                base = found
            } else {
                base = current.count
                index[feature] = base
                current.append(contentsOf: repeatElement(0, count: EntityTag.count))
                totals.append(contentsOf: repeatElement(0, count: EntityTag.count))
                stamps.append(contentsOf: repeatElement(0, count: EntityTag.count))
            }
            let slot = base + Int(tag.rawValue)
            totals[slot] += Double(step - stamps[slot]) * Double(current[slot])
            stamps[slot] = step
            current[slot] += delta
        }
    }

    private func averaged(threshold: Float) -> EntityTaggerModel {
        var rows: [(feature: UInt64, weights: [(tag: UInt8, weight: Float)])] = []
        rows.reserveCapacity(index.count)
        for (feature, base) in index {
            var pairs: [(tag: UInt8, weight: Float)] = []
            for t in 0..<EntityTag.count {
                let slot = base + t
                let total = totals[slot] + Double(step - stamps[slot]) * Double(current[slot])
                let weight = Float(total / Double(max(step, 1)))
                if abs(weight) >= threshold { pairs.append((UInt8(t), weight)) }
            }
            if !pairs.isEmpty { rows.append((feature, pairs)) }
        }
        return EntityTaggerModel(rows: rows)
    }
}
