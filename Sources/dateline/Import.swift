import ArgumentParser
import ArticleImport
import Feeds
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dateline import`: loads articles into a running server through `POST /articles` in NDJSON
/// batches: NDJSON files, JSON arrays, or folders of `.txt` and `.html` files. Prints each line
/// that failed with where it came from, a progress bar on a terminal (else a line every few
/// seconds) and a summary; exits 1 when any line failed. Running it again stores nothing twice.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load articles into a running server: NDJSON, JSON arrays, or folders of .txt and .html files.")

    @Option(help: "The server's base URL.")
    var server = "http://127.0.0.1:8080"

    @Option(help: "The bearer token writes need (default: $DATELINE_API_TOKEN).")
    var token: String?

    @Option(help: "Articles per request.")
    var batch = 100

    @Option(help: "Requests in flight at once.")
    var parallel = 4

    @Option(
        name: .customLong("source-name"),
        help: "source.name for text and HTML files without metadata beside them (default: import for text, the page's own for HTML).")
    var sourceName: String?

    @Option(
        name: .customLong("published-at"),
        help: "publishedAt (YYYY-MM-DD) for files without metadata (default: a text file's modification day).")
    var publishedAt: String?

    @Argument(help: "NDJSON (.ndjson, .jsonl) or JSON array (.json) files, or folders.")
    var paths: [String]

    func validate() throws {
        guard batch > 0, parallel > 0 else { throw ValidationError("--batch and --parallel must be at least 1.") }
        guard server.hasPrefix("http://") || server.hasPrefix("https://") else {
            throw ValidationError("--server must be an http or https URL, got \(server).")
        }
    }

    func run() throws {
        let items = ImportReader(defaults: .init(sourceName: sourceName, publishedAt: publishedAt)).items(paths: paths)
        var options = Importer.Options()
        options.batchSize = batch
        options.parallel = parallel
        let transport = HTTPImportTransport(
            url: server.trimmingSuffix("/") + "/articles", token: token ?? ProcessInfo.processInfo.environment["DATELINE_API_TOKEN"])
        let display = ImportDisplay(onTerminal: isatty(STDERR_FILENO) == 1)
        let tally = Importer(transport: transport, options: options).run(items) { display.show($0) }
        display.finish(tally)
        if !tally.failures.isEmpty { throw ExitCode(1) }
    }
}

/// Posts batches with libcurl, off any event loop.
struct HTTPImportTransport: ImportTransport {
    let url: String
    let token: String?
    let client = WebClient(configuration: .init(timeout: .seconds(300), maxBodyBytes: 64 * 1024 * 1024))

    func postBatch(_ body: [UInt8]) throws -> (status: Int, body: [UInt8]) {
        var headers = [(name: "Content-Type", value: "application/x-ndjson"), (name: "Accept", value: "application/json")]
        if let token { headers.append((name: "Authorization", value: "Bearer \(token)")) }
        let response = try client.post(url, body: body, headers: headers)
        return (response.status, response.body)
    }
}

/// What the import shows on standard error while it runs: the failures as they come, and its
/// progress, redrawn in place on a terminal at most ten times a second, else a line every five
/// seconds.
final class ImportDisplay: @unchecked Sendable {
    // Unchecked: `show` is called one batch at a time (the importer serialises progress calls).
    private let onTerminal: Bool
    private var reported = 0
    private var lastDrawn = Date.distantPast
    private var barShown = false

    init(onTerminal: Bool) {
        self.onTerminal = onTerminal
    }

    func show(_ tally: ImportTally) {
        printFailures(tally)
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= (onTerminal ? 0.1 : 5) else { return }
        lastDrawn = now
        draw(tally)
    }

    func finish(_ tally: ImportTally) {
        printFailures(tally)
        draw(tally)
        if barShown { write("\n") }
        print(tally.summary)
    }

    /// The failures not printed yet, each on a line of its own.
    private func printFailures(_ tally: ImportTally) {
        let failures = tally.failures[reported...]
        guard !failures.isEmpty else { return }
        clearBar()
        write(failures.map { "\($0.origin): \($0.message)\n" }.joined())
        reported = tally.failures.count
    }

    /// The bar is redrawn in place; anything else printed goes on a cleared line first.
    private func draw(_ tally: ImportTally) {
        if onTerminal {
            write("\r\u{1B}[2K" + tally.progress(barWidth: 30))
            barShown = true
        } else {
            write(tally.progress(barWidth: nil) + "\n")
        }
    }

    private func clearBar() {
        guard barShown else { return }
        write("\r\u{1B}[2K")
        barShown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
