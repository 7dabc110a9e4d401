import Dispatch
import HTTPTypes
import Locking
import Testing

@testable import HTTPServer

@Suite struct StaticFilesTests {
    typealias F = MiddlewareFixtures

    /// `outside/secret.txt` beside the served root `outside/public/`, with symlinks in and out.
    final class Site {
        let directory: TemporarySiteDirectory
        let root: String
        let files: StaticFiles

        init(prefix: String = "/") throws {
            directory = try TemporarySiteDirectory()
            try directory.write("secret.txt", "top secret")
            try directory.makeDirectory("public")
            try directory.makeDirectory("public/docs")
            try directory.makeDirectory("public/empty")
            try directory.write("public/index.html", "<h1>Dateline</h1>", modified: 1_700_000_000)
            try directory.write("public/docs/index.html", "<h1>Docs</h1>")
            try directory.write("public/app.js", "console.log(1)")
            try directory.write("public/.env", "TOKEN=1")
            try directory.write("public/a b.txt", "spaced")
            try directory.symlink("public/link-out", to: directory.path)
            try directory.symlink("public/escape.txt", to: directory.path + "/secret.txt")
            try directory.symlink("public/alias.js", to: "app.js")
            root = directory.path + "/public"
            files = StaticFiles(root: root, prefix: prefix)
        }

        func get(
            _ target: String, path: String? = nil, method: HTTPRequest.Method = .get,
            fields: HTTPFields = [:]
        ) throws -> Response {
            try files.respond(to: F.request(method, target, path: path, fields: fields))
        }
    }

    private func expectNotFound(_ site: Site, _ target: String, path: String? = nil) {
        let error = #expect(throws: HTTPError.self, "\(target)") { try site.get(target, path: path) }
        #expect(error?.status == .notFound, "\(target)")
    }

    @Test func servesAFileWithItsHead() throws {
        let site = try Site()
        let response = try site.get("/index.html")
        #expect(response.status == .ok)
        #expect(response.body.bytes == Array("<h1>Dateline</h1>".utf8))
        #expect(response.headerFields[.contentType] == "text/html; charset=utf-8")
        #expect(response.headerFields[.cacheControl] == "no-cache")
        #expect(response.headerFields[.lastModified] == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(response.headerFields[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        let etag = try #require(response.headerFields[.eTag].flatMap(EntityTag.init(parsing:)))
        #expect(!etag.isWeak)
        #expect(etag.opaqueTag.count == 16)
    }

    @Test(arguments: [
        ("/", "<h1>Dateline</h1>"), ("/docs/", "<h1>Docs</h1>"), ("/docs", "<h1>Docs</h1>"),
        ("/a%20b.txt", "spaced"), ("/alias.js", "console.log(1)"), ("//app.js", "console.log(1)"),
        // A symlink that leaves the root and comes back in lands inside it: allowed.
        ("/link-out/public/app.js", "console.log(1)"),
    ])
    func mapsPathsToFiles(target: String, expected: String) throws {
        let site = try Site()
        #expect(try site.get(target).body.bytes == Array(expected.utf8))
    }

    @Test(arguments: [
        ("app.js", "text/javascript; charset=utf-8"), ("app.mjs", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"), ("data.json", "application/json"),
        ("logo.svg", "image/svg+xml"), ("logo.png", "image/png"), ("favicon.ico", "image/x-icon"),
        ("robots.txt", "text/plain; charset=utf-8"), ("site.webmanifest", "application/manifest+json"),
        ("font.woff2", "font/woff2"), ("PAGE.HTML", "text/html; charset=utf-8"),
        ("README", "application/octet-stream"), (".profile", "application/octet-stream"),
    ])
    func choosesContentTypes(name: String, expected: String) {
        #expect(MediaTypes.contentType(forFileName: Substring(name)) == expected)
    }

    @Test func ifNoneMatchGivesA304() throws {
        let site = try Site()
        let etag = try #require(try site.get("/app.js").headerFields[.eTag])
        for value in [etag, "W/" + etag, "\"nope\", " + etag, "*"] {
            let response = try site.get("/app.js", fields: [.ifNoneMatch: value])
            #expect(response.status == .notModified)
            #expect(response.headerFields[.eTag] == etag)
            #expect(response.headerFields[.cacheControl] == "no-cache")
            #expect(response.headerFields[.lastModified] != nil)
            #expect(response.headerFields[.contentType] == nil)
            #expect(response.body.bytes == [])
        }
        #expect(try site.get("/app.js", fields: [.ifNoneMatch: "\"nope\""]).status == .ok)
    }

    @Test(
        arguments: [
            ("Tue, 14 Nov 2023 22:13:20 GMT", nil, HTTPResponse.Status.notModified),
            ("Wed, 15 Nov 2023 00:00:00 GMT", nil, .notModified),
            ("Tue, 14 Nov 2023 22:13:19 GMT", nil, .ok),
            ("not a date", nil, .ok),
            ("Wed, 15 Nov 2023 00:00:00 GMT", "\"other\"", .ok),
        ] as [(String, String?, HTTPResponse.Status)])
    func ifModifiedSinceCountsOnlyWithoutIfNoneMatch(since: String, noneMatch: String?, expected: HTTPResponse.Status) throws {
        let site = try Site()
        var fields: HTTPFields = [.ifModifiedSince: since]
        if let noneMatch { fields[.ifNoneMatch] = noneMatch }
        #expect(try site.get("/", fields: fields).status == expected)
    }

    @Test func headHasTheSameHead() throws {
        let site = try Site()
        let get = try site.get("/app.js")
        let head = try site.get("/app.js", method: .head)
        #expect(head.status == .ok)
        #expect(head.headerFields == get.headerFields)
        #expect(head.body.bytes == get.body.bytes)
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func otherMethodsAre405(method: HTTPRequest.Method) throws {
        let site = try Site()
        let error = #expect(throws: HTTPError.self) { try site.get("/app.js", method: method) }
        #expect(error?.status == .methodNotAllowed)
        #expect(error?.headerFields[.allow] == "GET, HEAD")
    }

    /// Raw targets and the path the parser would decode from them.
    @Test(
        arguments: [
            ("/../secret.txt", "/../secret.txt"),
            ("/%2e%2e/secret.txt", "/../secret.txt"),
            ("/%2E%2E/%2e%2e/secret.txt", "/../../secret.txt"),
            ("/docs/../../secret.txt", "/docs/../../secret.txt"),
            ("/..%2fsecret.txt", "/../secret.txt"),
            ("/docs%2F..%2F..%2Fsecret.txt", "/docs/../../secret.txt"),
            ("/..%5csecret.txt", "/..\\secret.txt"),
            ("/..\\secret.txt", "/..\\secret.txt"),
            ("/app.js%00.png", "/app.js\0.png"),
            ("/app.js\0", "/app.js\0"),
            ("/.env", "/.env"),
            ("/%2eenv", "/.env"),
            ("/./app.js", "/./app.js"),
            ("/link-out/secret.txt", "/link-out/secret.txt"),
            ("/escape.txt", "/escape.txt"),
            ("/missing.txt", "/missing.txt"),
            ("/app.js/", "/app.js/"),
            ("/empty/", "/empty/"),
            ("/docs/index.html/x", "/docs/index.html/x"),
        ] as [(String, String)])
    func nothingOutsideTheRootIsServed(target: String, path: String) throws {
        let site = try Site()
        expectNotFound(site, target, path: path)
    }

    @Test func aMissingRootServesNothing() {
        let files = StaticFiles(root: "/nonexistent-static-root")
        #expect(!files.isRootAvailable)
        #expect(throws: HTTPError.self) { try files.respond(to: F.request(.get, "/")) }
    }

    @Test func aPrefixIsStripped() throws {
        let site = try Site(prefix: "/assets")
        #expect(site.files.prefix == "/assets/")
        #expect(try site.get("/assets/app.js").body.bytes == Array("console.log(1)".utf8))
        #expect(try site.get("/assets").body.bytes == Array("<h1>Dateline</h1>".utf8))
        expectNotFound(site, "/app.js")
        expectNotFound(site, "/assetsapp.js")
    }

    @Test func hotFilesComeFromMemoryAndChangesAreSeen() throws {
        let site = try Site()
        let first = try site.get("/app.js")
        _ = try site.get("/app.js")
        #expect(site.files.cache.usage.files == 1)
        try site.directory.write("public/app.js", "console.log(2) // changed", modified: 1_800_000_000)
        let second = try site.get("/app.js")
        #expect(second.body.bytes == Array("console.log(2) // changed".utf8))
        #expect(second.headerFields[.eTag] != first.headerFields[.eTag])
        #expect(site.files.cache.usage.files == 1)
    }

    @Test func aRememberedPathIsCheckedAgainWhenWhatItNamesChanges() throws {
        let site = try Site()
        #expect(try site.get("/alias.js").body.bytes == Array("console.log(1)".utf8))
        #expect(try site.get("/alias.js").body.bytes == Array("console.log(1)".utf8))
        // The same path, now a symlink out of the root: refused, not served from memory.
        try site.directory.symlink("public/alias.js", to: site.directory.path + "/secret.txt")
        expectNotFound(site, "/alias.js")
        // A directory's index rewritten in place is seen, though the directory did not change.
        #expect(try site.get("/docs/").body.bytes == Array("<h1>Docs</h1>".utf8))
        try site.directory.write("public/docs/index.html", "<h1>New docs</h1>", modified: 1_800_000_000)
        #expect(try site.get("/docs/").body.bytes == Array("<h1>New docs</h1>".utf8))
        // A file remembered by its path is still no directory.
        _ = try site.get("/app.js")
        expectNotFound(site, "/app.js/")
    }

    @Test func concurrentRequestsShareTheCacheSafely() throws {
        let site = try Site()
        let files = site.files
        let expected: [String: [UInt8]] = [
            "/": Array("<h1>Dateline</h1>".utf8), "/docs/": Array("<h1>Docs</h1>".utf8),
            "/app.js": Array("console.log(1)".utf8), "/a%20b.txt": Array("spaced".utf8),
        ]
        let targets = Array(expected.keys)
        let wrong = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            let target = targets[index % targets.count]
            let body = try? files.respond(to: F.request(.get, target)).body.bytes
            if body != expected[target] { wrong.withLock { $0 += 1 } }
        }
        #expect(wrong.withLock { $0 } == 0)
        #expect(files.cache.usage.files == 4)
    }
}
