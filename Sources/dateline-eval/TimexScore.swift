import Extraction

/// Span and value counts of one comparison: TempEval-3 style, relaxed spans overlap.
struct TimexScore {
    var gold = 0, system = 0, strict = 0, relaxed = 0, valueCorrect = 0

    func f1(_ hits: Int) -> (Double, Double, Double) {
        let p = system == 0 ? 0 : Double(hits) / Double(system)
        let r = gold == 0 ? 0 : Double(hits) / Double(gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    static func += (a: inout TimexScore, b: TimexScore) {
        a.gold += b.gold
        a.system += b.system
        a.strict += b.strict
        a.relaxed += b.relaxed
        a.valueCorrect += b.valueCorrect
    }
}

/// A time phrase the normalizer found: where it lies and its TIMEX3 value.
struct SystemTimex {
    var start: Int
    var end: Int
    var value: String

    init(_ phrase: DatedPhrase) { (start, end, value) = (phrase.start, phrase.end, phrase.date.value) }
    init(_ phrase: ReferencePhrase) { (start, end, value) = (phrase.start, phrase.end, phrase.reference.rawValue) }
}

/// Matches system phrases to gold timexes one to one, in text order: strict when the offsets are
/// equal, relaxed when they overlap; a value counts when a relaxed match has the gold value.
func compare(_ gold: [GoldTimex], _ system: [SystemTimex], text: [Unicode.Scalar], report: ((String) -> Void)?) -> TimexScore {
    func words(_ start: Int, _ end: Int) -> String { "\"" + String(String.UnicodeScalarView(text[start..<end])) + "\"" }
    var score = TimexScore(gold: gold.count, system: system.count)
    var strictUsed = Set<Int>()
    var relaxedUsed = Set<Int>()
    for phrase in system {
        if let k = gold.indices.first(where: { !strictUsed.contains($0) && gold[$0].start == phrase.start && gold[$0].end == phrase.end }) {
            strictUsed.insert(k)
            score.strict += 1
        }
        guard let k = gold.indices.first(where: { !relaxedUsed.contains($0) && gold[$0].start < phrase.end && phrase.start < gold[$0].end })
        else {
            report?("extra   \(words(phrase.start, phrase.end)) \(phrase.value)")
            continue
        }
        relaxedUsed.insert(k)
        score.relaxed += 1
        if gold[k].start != phrase.start || gold[k].end != phrase.end {
            report?("span    \(words(phrase.start, phrase.end)) gold \(words(gold[k].start, gold[k].end))")
        }
        if gold[k].value == phrase.value {
            score.valueCorrect += 1
        } else {
            report?(
                "value   \(words(phrase.start, phrase.end)) \(phrase.value) gold \(words(gold[k].start, gold[k].end)) \(gold[k].value)"
            )
        }
    }
    for k in gold.indices where !relaxedUsed.contains(k) {
        report?("missed  \(words(gold[k].start, gold[k].end)) \(gold[k].type) \(gold[k].value)")
    }
    return score
}
