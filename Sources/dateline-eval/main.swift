import Extraction
import Foundation
import NewsModel

// dateline-eval: scores the extractor against hand-made gold files, or times it.
//
//   dateline-eval [DIR] [--verbose]     per split: entity precision/recall/F1, event date recall;
//                                       --verbose lists the misses of every split but the test one
//   dateline-eval --benchmark [DIR]     median milliseconds to extract a ~1,000-word article
//   dateline-eval --dump FILE.txt DATE  the extraction of one article as JSON
//   dateline-eval --timebank DIR [--split dev|test]
//                                       TIMEX3 span and value scores on TimeML files
//   dateline-eval --timebank-events DIR [--split dev|test]
//                                       TimeML events a TLINK dates by a calendar date of the
//                                       text, found with that date
//   dateline-eval --timeline DIR [--split dev|test]
//                                       gold dated events of SemEval-2015 TimeLine news found
//                                       with the right date, and clause-like summaries
//
// Run from the repository: the knowledge base is read from data/knowledge, or from the folder
// DATELINE_KNOWLEDGE_DIRECTORY names.

/// One gold file: `NAME.json` beside `NAME.txt`.
struct Gold: Decodable {
    struct GoldEntity: Decodable {
        var name: String
        var type: EntityType
        var aliases: [String]?
    }
    struct GoldEvent: Decodable {
        var type: EventType
        var date: String
        var precision: EventDate.Precision
        var note: String?
    }
    var title: String
    var publishedAt: Day
    var split: String
    var entities: [GoldEntity]
    var events: [GoldEvent]
}

struct GoldArticle {
    var name: String
    var gold: Gold
    var input: ArticleInput
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

/// The extractor over the repository's knowledge base.
func makeExtractor() -> Extractor {
    let directory = ProcessInfo.processInfo.environment["DATELINE_KNOWLEDGE_DIRECTORY"] ?? "data/knowledge"
    do {
        return Extractor(knowledge: try KnowledgeBase(directory: directory))
    } catch {
        fail("dateline-eval: cannot read the knowledge base in \(directory): \(error)")
    }
}

func loadArticles(_ dir: String) -> [GoldArticle] {
    let url = URL(fileURLWithPath: dir)
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: dir) else { fail("cannot read \(dir)") }
    return files.filter { $0.hasSuffix(".json") }.sorted().compactMap { file in
        let name = String(file.dropLast(5))
        guard let data = try? Data(contentsOf: url.appendingPathComponent(file)),
            let text = try? String(contentsOf: url.appendingPathComponent(name + ".txt"), encoding: .utf8)
        else { return nil }
        do {
            let gold = try JSONDecoder().decode(Gold.self, from: data)
            let input = ArticleInput(
                title: gold.title, text: text, publishedAt: gold.publishedAt,
                source: Source(name: "gold"), language: "en")
            return GoldArticle(name: name, gold: gold, input: input)
        } catch {
            fail("\(file): \(error)")
        }
    }
}

struct Score {
    var extracted = 0, correctExtracted = 0, gold = 0, foundGold = 0
    var events = 0, eventsFound = 0, eventsDateOnly = 0

    var precision: Double { extracted == 0 ? 0 : Double(correctExtracted) / Double(extracted) }
    var recall: Double { gold == 0 ? 0 : Double(foundGold) / Double(gold) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    static func += (a: inout Score, b: Score) {
        a.extracted += b.extracted
        a.correctExtracted += b.correctExtracted
        a.gold += b.gold
        a.foundGold += b.foundGold
        a.events += b.events
        a.eventsFound += b.eventsFound
        a.eventsDateOnly += b.eventsDateOnly
    }
}

func names(_ e: Entity) -> Set<String> { Set(([e.name] + e.aliases).map { $0.lowercased() }) }

func score(_ article: GoldArticle, _ result: ExtractionResult, verbose: Bool) -> Score {
    var s = Score()
    let gold = article.gold
    func matches(_ g: Gold.GoldEntity, _ e: Entity) -> Bool {
        guard g.type == e.type else { return false }
        let goldNames = Set(([g.name] + (g.aliases ?? [])).map { $0.lowercased() })
        return goldNames.contains(e.name.lowercased()) || names(e).contains(g.name.lowercased())
    }
    s.extracted = result.entities.count
    s.gold = gold.entities.count
    for e in result.entities {
        if gold.entities.contains(where: { matches($0, e) }) {
            s.correctExtracted += 1
        } else if verbose {
            print("    extra entity: \(e.name) (\(e.type.rawValue))")
        }
    }
    for g in gold.entities {
        if result.entities.contains(where: { matches(g, $0) }) {
            s.foundGold += 1
        } else if verbose {
            print("    missed entity: \(g.name) (\(g.type.rawValue))")
        }
    }
    s.events = gold.events.count
    for g in gold.events {
        let sameDate = result.events.filter { $0.date?.value == g.date && $0.date?.precision == g.precision }
        if sameDate.contains(where: { $0.type == g.type }) {
            s.eventsFound += 1
        } else if verbose {
            print("    missed event: \(g.date) \(g.type.rawValue) \(g.note ?? "")")
        }
        if !sameDate.isEmpty { s.eventsDateOnly += 1 }
    }
    return s
}

func pct(_ x: Double) -> String { String(format: "%5.1f%%", x * 100) }

func evaluate(_ dir: String, verbose: Bool) {
    let extractor = makeExtractor()
    var bySplit: [String: Score] = [:]
    for article in loadArticles(dir) {
        let result = extractor.extract(article.input, articleId: Slug.make(article.gold.title))
        // The held-out articles are scored, never listed: their errors stay unseen.
        let listed = verbose && article.gold.split != "test"
        if listed { print("\(article.name) [\(article.gold.split)]") }
        bySplit[article.gold.split, default: Score()] += score(article, result, verbose: listed)
    }
    print("split  entities: precision  recall     F1   events: type+date  date only")
    for split in bySplit.keys.sorted() {
        let s = bySplit[split]!
        print(
            String(
                format: "%-6@ %19@ %7@ %6@ %18@ %10@", split as NSString, pct(s.precision) as NSString,
                pct(s.recall) as NSString, pct(s.f1) as NSString,
                "\(s.eventsFound)/\(s.events) \(pct(Double(s.eventsFound) / Double(max(1, s.events))))" as NSString,
                pct(Double(s.eventsDateOnly) / Double(max(1, s.events))) as NSString))
    }
}

func benchmark(_ dir: String) {
    let articles = loadArticles(dir)
    guard !articles.isEmpty else { fail("no articles in \(dir)") }
    // About 1,000 words: paragraphs of the articles in turn, read against the first one's date.
    var paragraphs: [String] = []
    for a in articles {
        paragraphs += Cleaner.clean(a.input.text, title: a.input.title).components(separatedBy: "\n\n")
    }
    var text = ""
    var words = 0
    var k = 0
    while words < 1000 {
        let p = paragraphs[k % paragraphs.count]
        text += p + "\n\n"
        words += Article.countWords(p)
        k += 1
    }
    let input = ArticleInput(title: "Benchmark", text: text, publishedAt: articles[0].gold.publishedAt, source: Source(name: "bench"))
    let extractor = makeExtractor()
    _ = extractor.extract(input, articleId: "benchmark")
    var times: [Double] = []
    var events = 0
    for _ in 0..<200 {
        let start = ContinuousClock.now
        events = extractor.extract(input, articleId: "benchmark").events.count
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
    }
    times.sort()
    print(
        String(
            format: "benchmark: %d words, %d events, 200 runs: median %.2f ms, p90 %.2f ms", words, events,
            times[times.count / 2], times[times.count * 9 / 10]))
}

func dump(_ file: String, date: String) {
    guard let raw = try? String(contentsOfFile: file, encoding: .utf8), let day = Day(date) else {
        fail("usage: --dump FILE.txt YYYY-MM-DD")
    }
    let title = raw.split(separator: "\n").first.map(String.init) ?? ""
    let input = ArticleInput(title: title, text: raw, publishedAt: day, source: Source(name: "file"))
    let result = makeExtractor().extract(input, articleId: Slug.make(title))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(
        String(
            decoding: try! encoder.encode(["entities": result.entities.map { "\($0.name) [\($0.type.rawValue)] x\($0.mentionCount)" }]),
            as: UTF8.self))
    print(String(decoding: try! encoder.encode(result.events), as: UTF8.self))
}

var args = Array(CommandLine.arguments.dropFirst())
let verbose = args.contains("--verbose")
args.removeAll { $0 == "--verbose" }
let defaultDir = "Tests/ExtractionTests/Articles"
switch args.first {
case "--benchmark": benchmark(args.count > 1 ? args[1] : defaultDir)
case "--dump": dump(args.count > 1 ? args[1] : "", date: args.count > 2 ? args[2] : "")
case "--timebank":
    let split = args.firstIndex(of: "--split").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } ?? "dev"
    evaluateTimeBank(args.count > 1 ? args[1] : "", split: split, verbose: verbose)
case "--timebank-events":
    let split = args.firstIndex(of: "--split").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } ?? "dev"
    evaluateTimeBankEvents(args.count > 1 ? args[1] : "", split: split, verbose: verbose)
case "--timeline":
    let split = args.firstIndex(of: "--split").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } ?? "dev"
    evaluateTimeline(args.count > 1 ? args[1] : "", split: split, verbose: verbose)
case "--help", "-h":
    print(
        "usage: dateline-eval [DIR] [--verbose] | --benchmark [DIR] | --dump FILE.txt YYYY-MM-DD | --timebank DIR [--split dev|test] [--verbose] | --timebank-events DIR [--split dev|test] [--verbose] | --timeline DIR [--split dev|test] [--verbose]"
    )
default: evaluate(args.first ?? defaultDir, verbose: verbose)
}
