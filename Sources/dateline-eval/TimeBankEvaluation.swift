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

func evaluateTimeBank(_ dir: String, split: String, verbose: Bool) {
    var date = TimexScore()
    var all = TimexScore()
    var goldTypes: [String: Int] = [:]
    var documents = 0
    for (name, doc) in timeMLDocuments(dir, split: split, verbose: verbose) {
        documents += 1
        let normalizer = TimeExpressionNormalizer(publishedAt: doc.creation)
        let dated = normalizer.phrases(in: doc.text).filter { !$0.isInferred }.map(SystemTimex.init)
        let system = (dated + normalizer.references(in: doc.text).map(SystemTimex.init)).sorted { $0.start < $1.start }
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
    print(
        "TimeBank+AQUAINT \(split) part: \(documents) documents; gold TIMEX3 by type: "
            + goldTypes.keys.sorted().map { "\($0) \(goldTypes[$0]!)" }.joined(separator: ", "))
    print("types      gold system   strict P    R    F1   relaxed P    R    F1   value acc   value P    R    F1")
    for (label, s) in [("DATE", date), ("all", all)] {
        let strict = s.f1(s.strict)
        let relaxed = s.f1(s.relaxed)
        let value = s.f1(s.valueCorrect)
        let accuracy = s.relaxed == 0 ? 0 : Double(s.valueCorrect) / Double(s.relaxed)
        print(
            label.padding(toLength: 9, withPad: " ", startingAt: 0)
                + String(
                    format: " %5d %6d    %5.3f %5.3f %5.3f    %5.3f %5.3f %5.3f      %5.3f     %5.3f %5.3f %5.3f",
                    s.gold, s.system, strict.0, strict.1, strict.2, relaxed.0, relaxed.1, relaxed.2,
                    accuracy, value.0, value.1, value.2))
    }
    print("The normalizer gives dates and PRESENT_REF/PAST_REF/FUTURE_REF: no DURATION, SET or TIME values.")
}
