import Extraction
import Foundation
import NewsModel

// dateline-eval --timeline DIR [--split dev|test] [--verbose]
//
// Scores dated events on the SemEval-2015 Task 4 TimeLine data (Wikinews, CC BY 3.0). DIR holds
// one folder per split, `dev` and `test`, each with one folder per document set holding
// `documents/*.xml` (CAT files) and `timelines/*.txt` (gold timelines). Each document's body
// sentences (the title, sentence 0, is passed as the title) become one line each, read with the
// creation day as the publication day. Gold: every mention a timeline anchors to a full day,
// deduplicated across the entity timelines. It is found with the right date when an event whose
// source sentence overlaps the mention's sentence is dated that day; "contains" also counts dates
// at a coarser precision whose range holds the day. --verbose lists the dev part's misses and is
// refused for the held-out test part.

func evaluateTimeline(_ dir: String, split: String, verbose: Bool) {
    guard split == "dev" || split == "test" else { fail("--split must be dev or test") }
    if verbose && split == "test" { fail("--verbose lists errors, and the test part is held out: score it without --verbose") }
    let root = dir + "/" + split
    guard let sets = try? FileManager.default.contentsOfDirectory(atPath: root).sorted(), !sets.isEmpty else { fail("cannot read \(root)") }
    let extractor = makeExtractor()
    var total = TimelineScore()
    var rows: [(String, TimelineScore)] = []
    for set in sets where !set.hasPrefix(".") {
        let score = evaluateTimelineSet(root + "/" + set, extractor: extractor, verbose: verbose)
        rows.append((set, score))
        total += score
    }
    rows.append(("all", total))
    print("SemEval-2015 TimeLine \(split) part: gold = event mentions the timelines anchor to a day (body only)")
    print("set        docs  gold  sentence has event  right day        contains date    events  dated  day   clause summary  entities")
    for (name, s) in rows {
        func share(_ n: Int, _ of: Int) -> String { "\(n) " + String(format: "%5.1f%%", of == 0 ? 0 : Double(n) * 100 / Double(of)) }
        print(
            name.padding(toLength: 10, withPad: " ", startingAt: 0)
                + String(format: " %4d %5d  ", s.documents, s.gold)
                + share(s.sentenceHasEvent, s.gold).padding(toLength: 20, withPad: " ", startingAt: 0)
                + share(s.rightDay, s.gold).padding(toLength: 17, withPad: " ", startingAt: 0)
                + share(s.containing, s.gold).padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(format: "%6d %6d %4d   ", s.events, s.datedEvents, s.dayEvents)
                + share(s.clauseSummaries, s.events).padding(toLength: 16, withPad: " ", startingAt: 0)
                + String(s.entityCount))
    }
    print(
        "right at a coarser precision only: \(total.containing - total.rightDay); gold sentences not found in the cleaned "
            + "body: \(total.sentenceMissing); not scored: \(total.inTitles) day-anchored mentions in titles, "
            + "\(total.coarseAnchors) anchored to a month or year, \(total.unanchored) unanchored")
    print("entities by type: " + EntityType.allCases.map { "\($0.rawValue) \(total.entities[$0] ?? 0)" }.joined(separator: ", "))
}

/// One document set: its timelines give the gold, its documents are extracted one by one.
private func evaluateTimelineSet(_ dir: String, extractor: Extractor, verbose: Bool) -> TimelineScore {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/timelines").sorted()) ?? []
    var anchors: [TimelineMention: String] = [:]
    for file in files where file.hasSuffix(".txt") {
        guard let text = try? String(contentsOfFile: dir + "/timelines/" + file, encoding: .utf8),
            let timeline = GoldTimeline(text: text)
        else { fail("cannot read the timeline \(file)") }
        for (mention, anchor) in timeline.mentions where anchors[mention] == nil { anchors[mention] = anchor }
    }
    var score = TimelineScore()
    let documents = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/documents").sorted()) ?? []
    for file in documents where file.hasSuffix(".xml") {
        guard let xml = try? String(contentsOfFile: dir + "/documents/" + file, encoding: .utf8),
            let document = CATDocument(xml: xml)
        else { fail("cannot read \(file) as a CAT document") }
        let gold = anchors.filter { $0.key.document == document.id }
        score += scoreTimelineDocument(document, gold: gold, extractor: extractor, verbose: verbose)
    }
    return score
}

/// Extracts one document and compares its events with the gold mentions of its sentences.
private func scoreTimelineDocument(
    _ document: CATDocument, gold: [TimelineMention: String], extractor: Extractor,
    verbose: Bool
) -> TimelineScore {
    let sentences = document.body
    let input = ArticleInput(
        title: document.title, text: sentences.map(\.text).joined(separator: "\n"),
        publishedAt: document.creation, source: Source(name: "Wikinews"))
    let result = extractor.extract(input, articleId: document.id)
    var score = TimelineScore(documents: 1)
    score.events = result.events.count
    score.datedEvents = result.events.filter { $0.date != nil }.count
    score.dayEvents = result.events.filter { $0.date?.precision == .day }.count
    score.clauseSummaries = result.events.filter { SummaryClause.isClause($0.summary) }.count
    for entity in result.entities { score.entities[entity.type, default: 0] += 1 }
    let spans = locate(sentences, in: Array(result.article.body.unicodeScalars))
    var misses: [String] = []
    for (mention, anchor) in gold.sorted(by: { ($0.key.sentence, $0.key.word) < ($1.key.sentence, $1.key.word) }) {
        guard let day = Day(anchor) else {
            if anchor.hasPrefix("X") { score.unanchored += 1 } else { score.coarseAnchors += 1 }
            continue
        }
        guard mention.sentence > 0 else {
            score.inTitles += 1
            continue
        }
        score.gold += 1
        if spans[mention.sentence] == nil { score.sentenceMissing += 1 }
        let events =
            spans[mention.sentence].map { span in
                result.events.filter { $0.sources.contains { $0.start < span.upperBound && span.lowerBound < $0.end } }
            } ?? []
        if !events.isEmpty { score.sentenceHasEvent += 1 }
        let dates = events.compactMap(\.date)
        if dates.contains(where: { $0.precision == .day && $0.value == anchor && $0.contains(day) }) {
            score.rightDay += 1
            score.containing += 1
            continue
        }
        if dates.contains(where: { $0.contains(day) }) { score.containing += 1 }
        guard verbose else { continue }
        let found = events.map { "\($0.date.map { "\($0.value) (\($0.phrase))" } ?? "undated"): \($0.summary)" }
        let sentence = sentences.first { $0.number == mention.sentence }?.text ?? ""
        misses.append(
            "  \(anchor) s\(mention.sentence) \(mention.word): "
                + (found.isEmpty ? "no event" : found.joined(separator: "; ")) + "\n      | " + sentence.prefix(140))
    }
    if verbose {
        print(
            "\(document.id) \(document.creation) \(document.title.prefix(60)): gold \(score.gold), right day \(score.rightDay), "
                + "contains \(score.containing), events \(score.events), entities \(score.entityCount)")
        for event in result.events {
            print(
                "  event \(SummaryClause.isClause(event.summary) ? "clause  " : "fragment") "
                    + "\(event.date.map { "\($0.value) (\($0.phrase))" } ?? "undated"): \(event.summary)")
        }
        for line in misses { print(line) }
    }
    return score
}

/// Where each sentence sits in the cleaned body, in Unicode scalars, searched in order; a
/// sentence the cleaner dropped has no range.
func locate(_ sentences: [(number: Int, text: String)], in body: [Unicode.Scalar]) -> [Int: Range<Int>] {
    var spans: [Int: Range<Int>] = [:]
    var cursor = 0
    for (number, text) in sentences {
        let needle = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= body.count else { continue }
        var start = cursor
        while start + needle.count <= body.count {
            if body[start] == needle[0] && Array(body[start..<(start + needle.count)]) == needle {
                spans[number] = start..<(start + needle.count)
                cursor = start + needle.count
                break
            }
            start += 1
        }
    }
    return spans
}
