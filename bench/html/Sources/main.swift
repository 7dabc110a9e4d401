// html-bench: runs WebArticle.read over a folder of HTML pages and writes the article bodies in
// the shape ScrapingHub's article-extraction-benchmark evaluates.
//
//   html-bench PAGES_DIR OUTPUT_JSON
//
// PAGES_DIR holds `<id>.html` files (the benchmark's `html/<id>.html.gz`, decompressed);
// OUTPUT_JSON becomes `{"<id>": {"articleBody": "...", "headline": "...", ...}, ...}`. Prints pages, total and ms/page
// of reading alone (parsing included, file reads excluded).
import Foundation
import WebArticle

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: html-bench PAGES_DIR OUTPUT_JSON\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
let pages = try names.map { name in
    (id: String(name.dropLast(".html".count)), bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
}

var output: [String: [String: String]] = [:]
let clock = ContinuousClock()
var elapsed = Duration.zero
var slowest = (id: "", duration: Duration.zero)
for page in pages {
    let start = clock.now
    let article = WebArticle.read(html: page.bytes)
    let duration = clock.now - start
    elapsed += duration
    if duration > slowest.duration { slowest = (page.id, duration) }
    // evaluate.py reads articleBody only; the metadata rides along for inspection.
    var fields = ["articleBody": article?.text ?? "", "headline": article?.title ?? ""]
    fields["datePublished"] = article?.publishedAt
    fields["inLanguage"] = article?.language
    fields["url"] = article?.canonicalURL
    fields["author"] = article?.byline
    fields["publisher"] = article?.siteName
    output[page.id] = fields
}

let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
try encoder.encode(output).write(to: URL(fileURLWithPath: arguments[2]))
let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
let slowestMilliseconds = Double(slowest.duration.components.seconds) * 1000 + Double(slowest.duration.components.attoseconds) / 1e15
print(
    String(
        format: "pages %d, total %.1f ms, %.2f ms/page, slowest %.1f ms", pages.count, milliseconds,
        milliseconds / Double(max(pages.count, 1)), slowestMilliseconds))
