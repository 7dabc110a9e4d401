import Extraction
import Foundation
import NewsModel

// dateline-eval --timebank DIR [--split dev|test] [--verbose]
//
// Scores the time expression normalizer against TimeML files (TimeBank and AQUAINT, the
// TempEval-3 training data): the text between <TEXT> tags with its tags stripped, read with the
// document creation time as the publication day. Files are sorted by name; every fifth one
// (index % 5 == 4) is the held-out test part, the rest the dev part. --verbose lists the dev
// part's errors and is refused for the test part.

/// One TIMEX3 of a TimeML text, in the stripped text's Unicode scalars.
struct GoldTimex {
    var start: Int
    var end: Int
    var type: String
    var value: String
}

/// A TimeML document: its stripped text, creation day and TIMEX3 annotations.
struct TimeMLDocument {
    var name: String
    var text: String
    var creation: Day
    var timexes: [GoldTimex]

    /// Reads the <TEXT> element of a TimeML file; nil when it has no text or no creation time.
    init?(name: String, xml: String) {
        guard let creation = Self.creationDay(xml),
              let open = xml.range(of: "<TEXT>"), let close = xml.range(of: "</TEXT>", range: open.upperBound..<xml.endIndex) else { return nil }
        self.name = name
        self.creation = creation
        var text = String.UnicodeScalarView()
        var count = 0
        var timexes: [GoldTimex] = []
        var pending: (Int, [String: String])?
        let body = Array(xml[open.upperBound..<close.lowerBound].unicodeScalars)
        var i = 0
        while i < body.count {
            let s = body[i]
            if s == "<", let end = body[i...].firstIndex(of: ">") {
                let tag = String(String.UnicodeScalarView(body[(i + 1)..<end]))
                if tag.hasPrefix("TIMEX3") {
                    pending = (count, Self.attributes(tag))
                } else if tag == "/TIMEX3", let (start, attributes) = pending {
                    timexes.append(GoldTimex(start: start, end: count, type: attributes["type"] ?? "", value: attributes["value"] ?? ""))
                    pending = nil
                }
                i = end + 1
            } else if s == "&", let end = body[i...].prefix(8).firstIndex(of: ";"),
                      let decoded = Self.entities[String(String.UnicodeScalarView(body[(i + 1)..<end]))] {
                text.append(decoded)
                count += 1
                i = end + 1
            } else {
                text.append(s)
                count += 1
                i += 1
            }
        }
        self.text = String(text)
        self.timexes = timexes
    }

    private static let entities: [String: Unicode.Scalar] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    private static func creationDay(_ xml: String) -> Day? {
        guard let mark = xml.range(of: "functionInDocument=\"CREATION_TIME\"") else { return nil }
        let tagStart = xml[..<mark.lowerBound].range(of: "<TIMEX3", options: .backwards)?.lowerBound ?? mark.lowerBound
        let tagEnd = xml[mark.upperBound...].firstIndex(of: ">") ?? xml.endIndex
        guard let value = attributes(String(xml[tagStart..<tagEnd]))["value"] else { return nil }
        return Day(value.prefix(10))
    }

    /// `name="value"` pairs of a tag.
    private static func attributes(_ tag: String) -> [String: String] {
        var out: [String: String] = [:]
        let parts = tag.components(separatedBy: "\"")
        var k = 0
        while k + 1 < parts.count {
            let key = parts[k].trimmingCharacters(in: .whitespaces).split(separator: " ").last.map { String($0.dropLast()) } ?? ""
            out[key] = parts[k + 1]
            k += 2
        }
        return out
    }
}

/// Span and value counts of one comparison: TempEval-3 style, relaxed spans overlap.
struct TimexScore {
    var gold = 0, system = 0, strict = 0, relaxed = 0, valueCorrect = 0

    func f1(_ hits: Int) -> (Double, Double, Double) {
        let p = system == 0 ? 0 : Double(hits) / Double(system)
        let r = gold == 0 ? 0 : Double(hits) / Double(gold)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }

    static func += (a: inout TimexScore, b: TimexScore) {
        a.gold += b.gold; a.system += b.system; a.strict += b.strict; a.relaxed += b.relaxed; a.valueCorrect += b.valueCorrect
    }
}

/// Matches system phrases to gold timexes one to one, in text order: strict when the offsets are
/// equal, relaxed when they overlap; a value counts when a relaxed match has the gold value.
func compare(_ gold: [GoldTimex], _ system: [DatedPhrase], text: [Unicode.Scalar], report: ((String) -> Void)?) -> TimexScore {
    func words(_ start: Int, _ end: Int) -> String { "\"" + String(String.UnicodeScalarView(text[start..<end])) + "\"" }
    var score = TimexScore(gold: gold.count, system: system.count)
    var strictUsed = Set<Int>(), relaxedUsed = Set<Int>()
    for phrase in system {
        if let k = gold.indices.first(where: { !strictUsed.contains($0) && gold[$0].start == phrase.start && gold[$0].end == phrase.end }) {
            strictUsed.insert(k)
            score.strict += 1
        }
        guard let k = gold.indices.first(where: { !relaxedUsed.contains($0) && gold[$0].start < phrase.end && phrase.start < gold[$0].end }) else {
            report?("extra   \(words(phrase.start, phrase.end)) \(phrase.date.value)")
            continue
        }
        relaxedUsed.insert(k)
        score.relaxed += 1
        if gold[k].start != phrase.start || gold[k].end != phrase.end { report?("span    \(words(phrase.start, phrase.end)) gold \(words(gold[k].start, gold[k].end))") }
        if gold[k].value == phrase.date.value { score.valueCorrect += 1 } else { report?("value   \(words(phrase.start, phrase.end)) \(phrase.date.value) gold \(words(gold[k].start, gold[k].end)) \(gold[k].value)") }
    }
    for k in gold.indices where !relaxedUsed.contains(k) { report?("missed  \(words(gold[k].start, gold[k].end)) \(gold[k].type) \(gold[k].value)") }
    return score
}

func evaluateTimeBank(_ dir: String, split: String, verbose: Bool) {
    guard split == "dev" || split == "test" else { fail("--split must be dev or test") }
    if verbose && split == "test" { fail("--verbose lists errors, and the test part is held out: score it without --verbose") }
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { fail("cannot read \(dir)") }
    let names = files.filter { $0.hasSuffix(".tml") }.sorted()
    let chosen = names.enumerated().filter { ($0.offset % 5 == 4) == (split == "test") }.map(\.element)
    var date = TimexScore(), all = TimexScore()
    var goldTypes: [String: Int] = [:]
    var documents = 0
    for name in chosen {
        guard let xml = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8),
              let doc = TimeMLDocument(name: name, xml: xml) else { fail("cannot read \(name) as TimeML") }
        documents += 1
        let system = TimeExpressionNormalizer(publishedAt: doc.creation).phrases(in: doc.text).filter { !$0.isInferred }
        for t in doc.timexes { goldTypes[t.type, default: 0] += 1 }
        let scalars = Array(doc.text.unicodeScalars)
        let report: ((String) -> Void)? = verbose ? { print("  \(name): \($0)") } : nil
        // DATE: other types' timexes are neither gold nor counted against a phrase that overlaps them.
        let dates = doc.timexes.filter { $0.type == "DATE" }
        let others = doc.timexes.filter { $0.type != "DATE" }
        let neutral = system.filter { p in !others.contains { $0.start < p.end && p.start < $0.end } }
        date += compare(dates, neutral, text: scalars, report: report)
        all += compare(doc.timexes, system, text: scalars, report: nil)
    }
    print("TimeBank+AQUAINT \(split) part: \(documents) documents; gold TIMEX3 by type: "
          + goldTypes.keys.sorted().map { "\($0) \(goldTypes[$0]!)" }.joined(separator: ", "))
    print("types      gold system   strict P    R    F1   relaxed P    R    F1   value acc   value P    R    F1")
    for (label, s) in [("DATE", date), ("all", all)] {
        let strict = s.f1(s.strict), relaxed = s.f1(s.relaxed), value = s.f1(s.valueCorrect)
        let accuracy = s.relaxed == 0 ? 0 : Double(s.valueCorrect) / Double(s.relaxed)
        print(label.padding(toLength: 9, withPad: " ", startingAt: 0) + String(format: " %5d %6d    %5.3f %5.3f %5.3f    %5.3f %5.3f %5.3f      %5.3f     %5.3f %5.3f %5.3f",
                     s.gold, s.system, strict.0, strict.1, strict.2, relaxed.0, relaxed.1, relaxed.2,
                     accuracy, value.0, value.1, value.2))
    }
    print("The normalizer gives dates only: no DURATION, SET or TIME values, no PRESENT_REF/PAST_REF for `now`, `recently`.")
}
