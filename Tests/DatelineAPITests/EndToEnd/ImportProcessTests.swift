import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `dateline import` against a running `dateline serve`, both as processes, over a socket.
@Suite("dateline import as a process", .serialized)
struct ImportProcessTests {
    static let token = "import-token"

    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-import-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func article(_ index: Int) -> String {
        let object: [String: Any] = [
            "title": "Imported report \(index)",
            "body": "Vladimir Putin met Mahmoud Abbas in Moscow on Tuesday for talks number \(index), officials said.",
            "publishedAt": "2024-08-13", "source": ["name": "Import Wire", "url": "https://wire.example/reports/\(index)"],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func runImport(_ server: ServerProcess, _ arguments: [String]) throws -> (status: Int32?, output: String) {
        let process = try ServerProcess(["import", "--server", "http://127.0.0.1:\(server.port)", "--token", Self.token] + arguments)
        let status = process.waitForExit(timeout: 60)
        return (status, process.logLines.joined(separator: "\n"))
    }

    static func articleCount(_ server: ServerProcess) throws -> Int {
        let body = try HTTPProbe.get(port: server.port, path: "/articles?limit=1").body
        let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        return object?["total"] as? Int ?? -1
    }

    @Test func goodLinesAreStoredBadOnesNamedAndARunAgainAddsNothing() throws {
        let server = try ServerProcess.serve(["--set", "log.access=false"], environment: ["DATELINE_API_TOKEN": Self.token])
        try CrashRecoveryTests.waitUntilReady(server.port)
        let before = try Self.articleCount(server)
        let file = write(
            "articles.ndjson",
            [Self.article(1), "{not json", Self.article(2), #"{"title": "No body", "publishedAt": "2024-08-13"}"#, "", Self.article(3)]
                .joined(separator: "\n"))
        let first = try runImport(server, ["--batch", "2", file])
        #expect(first.status == 1)
        #expect(first.output.contains("\(file):2: 400 Bad Request: Line 2 is not well-formed JSON."), "\(first.output)")
        #expect(first.output.contains("\(file):4: 422 Unprocessable Content"), "\(first.output)")
        #expect(first.output.contains("5 of 5 articles in"), "\(first.output)")
        #expect(first.output.contains(": 3 new, 0 duplicates, 2 errors"), "\(first.output)")
        #expect(try Self.articleCount(server) == before + 3)

        let again = try runImport(server, [file])
        #expect(again.status == 1)
        #expect(again.output.contains(": 0 new, 3 duplicates, 2 errors"), "\(again.output)")
        #expect(try Self.articleCount(server) == before + 3)
    }

    @Test func aFolderOfTextAndPagesImportsAndExitsZero() throws {
        let server = try ServerProcess.serve(["--set", "log.access=false"], environment: ["DATELINE_API_TOKEN": Self.token])
        try CrashRecoveryTests.waitUntilReady(server.port)
        let before = try Self.articleCount(server)
        _ = write("set/talks.txt", "Abbas ends Moscow visit\n\nMahmoud Abbas left Moscow on Wednesday after talks with Vladimir Putin.")
        _ = write("set/talks.json", #"{"publishedAt": "2024-08-14", "source": {"name": "Folder Wire"}}"#)
        _ = write(
            "set/page.html",
            """
            <html lang="en"><head><title>Abbas in Ankara</title><meta property="og:site_name" content="Page Wire">
            <meta property="article:published_time" content="2024-08-15T09:00:00+03:00"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Abbas in Ankara</h1>
            <p>Mahmoud Abbas addressed the Turkish parliament in Ankara on Thursday, a day after leaving Moscow.</p>
            <p>He thanked Turkish lawmakers for their support and called for a ceasefire in Gaza.</p></article></body></html>
            """)
        let run = try runImport(server, [folder + "/set"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains(": 2 new, 0 duplicates, 0 errors"), "\(run.output)")
        #expect(try Self.articleCount(server) == before + 2)
        let page = try HTTPProbe.get(port: server.port, path: "/articles/abbas-in-ankara").body
        #expect(page.contains(#""publishedAt":"2024-08-15""#) && page.contains("Page Wire"), "\(page)")
    }

    @Test func anInterruptedImportRunAgainMakesEachArticleOnce() throws {
        let server = try ServerProcess.serve(["--set", "log.access=false"], environment: ["DATELINE_API_TOKEN": Self.token])
        try CrashRecoveryTests.waitUntilReady(server.port)
        let before = try Self.articleCount(server)
        let file = write("many.ndjson", (1...80).map(Self.article).joined(separator: "\n"))
        let interrupted = try ServerProcess(
            ["import", "--server", "http://127.0.0.1:\(server.port)", "--token", Self.token, "--batch", "2", "--parallel", "1", file])
        let deadline = ContinuousClock.now + .seconds(30)
        while try Self.articleCount(server) < before + 10 && ContinuousClock.now < deadline { usleep(5_000) }
        interrupted.signal(SIGKILL)
        _ = interrupted.waitForExit(timeout: 10)
        // The server still finishes the batch it was given: count once nothing more arrives.
        var partial = try Self.articleCount(server) - before
        while true {
            usleep(300_000)
            let now = try Self.articleCount(server) - before
            if now == partial { break }
            partial = now
        }
        #expect(partial >= 10 && partial < 80, "the import was not cut midway (\(partial) stored)")

        let rerun = try runImport(server, [file])
        #expect(rerun.status == 0, "\(rerun.output)")
        #expect(rerun.output.contains(": \(80 - partial) new, \(partial) duplicates, 0 errors"), "\(rerun.output)")
        #expect(try Self.articleCount(server) == before + 80)
    }
}
