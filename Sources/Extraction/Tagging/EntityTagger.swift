/// Tags the words of a document's sentences with BILOU name tags, keeping the best few tag
/// sequences as it goes left to right (a beam), and allowing only sequences that spell whole
/// names. Training searches the same way (``EntityTaggerTrainer``), so the weights are
/// learned for the states this search visits.
///
/// One tagger reads one document: its features read the document's ``DocumentMemory``.
struct EntityTagger {
    /// How many tag sequences the search keeps, in training and tagging alike.
    static let beamWidth = 4

    let model: EntityTaggerModel
    private var document: DocumentMemory

    /// A tagger for the document made of `words`.
    init<Words: Sequence<String>>(model: EntityTaggerModel, words: Words) {
        self.model = model
        document = DocumentMemory(words: words)
    }

    /// The tags of one sentence; the names found join the document's memory.
    mutating func tag(_ sentence: TaggerSentence) -> [EntityTag] {
        let words = Self.wordFeatures(sentence, document: document)
        let tags = Self.search(sentence, wordFeatures: words, gold: nil) { [model] in model.score($0, into: &$1) }
        document.remember(NameSpan.spans(in: tags), in: sentence)
        return tags
    }

    /// The features of each word that do not depend on the tags before it.
    static func wordFeatures(_ sentence: TaggerSentence, document: DocumentMemory) -> [[UInt64]] {
        (0..<sentence.count).map { i in
            var features: [UInt64] = []
            EntityFeatures.word(sentence, at: i, document: document, into: &features)
            return features
        }
    }

    /// Every feature of word `i` when `tags` are the tags before and at it.
    static func features(_ sentence: TaggerSentence, wordFeatures: [[UInt64]], tags: [EntityTag], at i: Int) -> [UInt64] {
        var transition: [UInt64] = []
        EntityFeatures.transition(
            sentence, at: i, previous: i >= 1 ? tags[i - 1] : .outside,
            beforePrevious: i >= 2 ? tags[i - 2] : .outside, into: &transition)
        return wordFeatures[i] + transition
    }

    /// One tag sequence in the beam, as its last tag and a link to the one it extends.
    private struct Hypothesis {
        var tag: EntityTag
        var previous: EntityTag
        var parent: Int
        var score: Float
        /// Whether every tag so far is the gold one, in training.
        var onGold: Bool
    }

    /// The best-scoring tag sequence the beam finds. With `gold`, the search stops as soon as
    /// no sequence in the beam agrees with the gold tags so far, and returns the best prefix:
    /// the early update of Collins and Roark's incremental perceptron.
    static func search(
        _ sentence: TaggerSentence, wordFeatures: [[UInt64]], gold: [EntityTag]?,
        score: ([UInt64], inout [Float]) -> Void
    ) -> [EntityTag] {
        var steps: [[Hypothesis]] = []
        steps.reserveCapacity(sentence.count)
        var wordScores = [Float](repeating: 0, count: EntityTag.count)
        var transitionScores = wordScores
        var transition: [UInt64] = []
        let start = Hypothesis(tag: .outside, previous: .outside, parent: -1, score: 0, onGold: gold != nil)
        for i in 0..<sentence.count {
            score(wordFeatures[i], &wordScores)
            let beam = steps.last ?? [start]
            var next: [Hypothesis] = []
            next.reserveCapacity(beamWidth + 1)
            for (h, hypothesis) in beam.enumerated() {
                let previous = i == 0 ? EntityTag.outside : hypothesis.tag
                let beforePrevious = i <= 1 ? EntityTag.outside : hypothesis.previous
                EntityFeatures.transition(sentence, at: i, previous: previous, beforePrevious: beforePrevious, into: &transition)
                score(transition, &transitionScores)
                for raw in 0..<EntityTag.count {
                    let tag = EntityTag(rawValue: UInt8(raw))
                    guard tag.canFollow(previous), i < sentence.count - 1 || tag.canEnd else { continue }
                    let total = hypothesis.score + wordScores[raw] + transitionScores[raw]
                    guard next.count < beamWidth || total > next[next.count - 1].score else { continue }
                    let at = next.firstIndex { total > $0.score } ?? next.count
                    next.insert(
                        Hypothesis(
                            tag: tag, previous: previous, parent: h, score: total,
                            onGold: hypothesis.onGold && gold?[i] == tag), at: at)
                    if next.count > beamWidth { next.removeLast() }
                }
            }
            steps.append(next)
            if gold != nil, !next.contains(where: \.onGold) { break }
        }
        // Back from the best last hypothesis along its links.
        var tags = [EntityTag](repeating: .outside, count: steps.count)
        var k = 0
        for i in stride(from: steps.count - 1, through: 0, by: -1) {
            tags[i] = steps[i][k].tag
            k = steps[i][k].parent
        }
        return tags
    }
}
