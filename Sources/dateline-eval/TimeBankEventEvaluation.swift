import Extraction
import Foundation
import NewsModel

// dateline-eval --timebank-events DIR [--split dev|test] [--verbose]
//
// Scores dated events on TimeML files (TimeBank and AQUAINT), split as --timebank splits them.
// Gold: every EVENT a TLINK places inside a DATE time expression of the same sentence
// (IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY) whose value is a calendar date at some precision
// (`1998-01-08`, `1998-W02`, `1998-Q1`, `1998-01`, `1998`, `199`). It is found with the right date when an
// extracted event whose source sentence holds the gold event's word carries that value. Links to
// the creation time are not gold: the text does not say them. --verbose lists the dev part's
// misses and is refused for the held-out test part.

func evaluateTimeBankEvents(_ dir: String, split: String, verbose: Bool) {
    let extractor = makeExtractor()
    var total = DatedEventScore()
    for (name, doc) in timeMLDocuments(dir, split: split, verbose: verbose) {
        total += scoreDatedEvents(doc, name: name, extractor: extractor, verbose: verbose)
    }
    func share(_ n: Int) -> String { "\(n) (" + String(format: "%.1f%%", total.gold == 0 ? 0 : Double(n) * 100 / Double(total.gold)) + ")" }
    print("TimeBank+AQUAINT \(split) part: \(total.documents) documents, \(total.gold) events a TLINK dates by a calendar DATE of the text")
    print("  sentence has an event:      \(share(total.sentenceHasEvent))")
    print("  an event there has the date: \(share(total.rightDate))")
    print("  events extracted: \(total.events), dated \(total.datedEvents)")
}

private let placing: Set<String> = ["IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"]

/// Whether a TIMEX3 value names calendar days: a day, week, month, quarter, year or decade.
private func isCalendarValue(_ value: String) -> Bool {
    let parts = value.split(separator: "-", omittingEmptySubsequences: false)
    guard let year = parts.first, year.count == 4 || year.count == 3, year.allSatisfy(\.isNumber) else { return false }
    guard parts.count > 1 else { return true }
    let second = parts[1]
    if parts.count == 2 {
        return second.count == 2 && second.allSatisfy(\.isNumber)
            || (second.hasPrefix("W") || second.hasPrefix("Q")) && second.dropFirst().allSatisfy(\.isNumber)
    }
    return parts.count == 3 && second.allSatisfy(\.isNumber) && parts[2].count == 2 && parts[2].allSatisfy(\.isNumber)
}

/// Whether a sentence ends inside the span: a line break, or a stop after a word of three or more
/// letters (not an abbreviation or initial) followed by a space and a capital or a quote.
private func crossesSentence(_ text: [Unicode.Scalar], _ span: Range<Int>) -> Bool {
    for i in span where i + 2 < text.count {
        if text[i] == "\n" { return true }
        guard [".", "!", "?"].contains(text[i]), text[i + 1] == " " else { continue }
        let next = text[i + 2]
        guard next.properties.isUppercase || next == "\"" || next == "`" else { continue }
        let word = text[..<i].reversed().prefix { $0.properties.isAlphabetic }
        if text[i] != "." || word.count >= 3 && word.contains(where: { $0.properties.isLowercase }) { return true }
    }
    return false
}

private func scoreDatedEvents(_ doc: TimeMLDocument, name: String, extractor: Extractor, verbose: Bool) -> DatedEventScore {
    let times = Dictionary(doc.timexes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let words = Dictionary(doc.events.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    let text = Array(doc.text.unicodeScalars)
    var gold: [String: Set<String>] = [:]
    for link in doc.links where placing.contains(link.relation) {
        guard let time = times[link.time], time.type == "DATE", isCalendarValue(time.value), let word = words[link.event],
            !crossesSentence(text, min(word.start, time.start)..<max(word.end, time.end))
        else { continue }
        gold[link.event, default: []].insert(time.value)
    }
    let lines = doc.text.components(separatedBy: "\n")
    let input = ArticleInput(title: name, text: doc.text, publishedAt: doc.creation, source: Source(name: "TimeBank"))
    let result = extractor.extract(input, articleId: name)
    var score = DatedEventScore(documents: 1, gold: gold.count, events: result.events.count)
    score.datedEvents = result.events.filter { $0.date != nil }.count
    // Each line of the TimeML text, found in the cleaned body, carries its words' offsets over.
    let spans = locate(
        lines.enumerated().map { ($0.offset, $0.element.trimmingCharacters(in: .whitespaces)) },
        in: Array(result.article.body.unicodeScalars))
    var lineStarts: [Int] = []
    var offset = 0
    for line in lines {
        lineStarts.append(offset)
        offset += line.unicodeScalars.count + 1
    }
    for (id, values) in gold.sorted(by: { words[$0.key]!.start < words[$1.key]!.start }) {
        let word = words[id]!
        let line = (lineStarts.lastIndex { $0 <= word.start }) ?? 0
        let lead = lines[line].unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
        let position = spans[line].map { $0.lowerBound + word.start - lineStarts[line] - lead }
        let events = position.map { p in result.events.filter { $0.sources.contains { $0.start <= p && p < $0.end } } } ?? []
        if !events.isEmpty { score.sentenceHasEvent += 1 }
        if events.contains(where: { $0.date.map { values.contains($0.value) } ?? false }) {
            score.rightDate += 1
            continue
        }
        guard verbose else { continue }
        let trigger = String(String.UnicodeScalarView(text[word.start..<word.end]))
        let found = events.map { "\($0.date.map { "\($0.value) (\($0.phrase))" } ?? "undated"): \($0.summary)" }
        print(
            "  \(name) \(values.sorted().joined(separator: "|")) `\(trigger)`: "
                + (found.isEmpty ? "no event" : found.joined(separator: "; ")) + "\n      | "
                + lines[line].trimmingCharacters(in: .whitespaces).prefix(200))
    }
    return score
}
