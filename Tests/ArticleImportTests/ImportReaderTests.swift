import Foundation
import Testing

@testable import ArticleImport

@Suite struct ImportReaderTests {
    let folder: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("import-reader-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    func write(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        try! FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    func object(_ item: ImportItem) throws -> [String: Any] {
        let line = try #require(item.line)
        let tree = try JSONSerialization.jsonObject(with: Data(line))
        return try #require(tree as? [String: Any])
    }

    @Test func ndjsonLinesKeepTheirNumbersAndAreSentAsWritten() {
        let path = write("a.ndjson", "{\"title\":\"One\"}\r\n\n  \n{broken\n{\"title\":\"Two\"}")
        let items = ImportReader().items(paths: [path])
        #expect(items.map(\.origin) == ["\(path):1", "\(path):4", "\(path):5"])
        #expect(items.map { String(decoding: $0.line ?? [], as: UTF8.self) } == ["{\"title\":\"One\"}", "{broken", "{\"title\":\"Two\"}"])
    }

    @Test func aJSONArrayGivesOneItemAnElement() throws {
        let path = write("a.json", #"[{"title": "One"}, "not an article", {"title": "Two/Three"}]"#)
        let items = ImportReader().items(paths: [path])
        #expect(items.map(\.origin) == ["\(path)[0]", "\(path)[1]", "\(path)[2]"])
        #expect(try object(items[2])["title"] as? String == "Two/Three")
        #expect(items[1].line.map { String(decoding: $0, as: UTF8.self) } == "\"not an article\"")
        let broken = ImportReader().items(paths: [write("b.json", "[{")])
        #expect(broken.count == 1 && broken[0].problem == "the file is not well-formed JSON")
    }

    @Test func aFolderReadsTextAndHTMLWithTheirMetadata() throws {
        _ = write("set/one.txt", "\nFirst headline\n\nThe body of one.\nIts second line.\n")
        _ = write("set/one.json", #"{"publishedAt": "2024-08-13", "source": {"name": "Wire", "url": "https://example.org/one"}}"#)
        _ = write("set/two.html", "<html><body><p>Two</p></body></html>")
        _ = write("set/notes.md", "ignored")
        _ = write("set/more/three.txt", "Third\nBody three.")
        let reader = ImportReader(defaults: .init(sourceName: "Archive", publishedAt: "2020-01-02"))
        let items = reader.items(paths: [folder + "/set"])
        #expect(items.map { ($0.origin as NSString).lastPathComponent } == ["three.txt", "one.txt", "two.html"])
        let three = try object(items[0])
        #expect(three["title"] as? String == "Third" && three["body"] as? String == "Body three.")
        #expect(three["publishedAt"] as? String == "2020-01-02")
        #expect((three["source"] as? [String: Any])?["name"] as? String == "Archive")
        let one = try object(items[1])
        #expect(one["title"] as? String == "First headline")
        #expect(one["body"] as? String == "The body of one.\nIts second line.")
        #expect(one["publishedAt"] as? String == "2024-08-13")
        #expect((one["source"] as? [String: Any])?["url"] as? String == "https://example.org/one")
        let two = try object(items[2])
        #expect(two["html"] as? String == "<html><body><p>Two</p></body></html>")
        #expect(two["title"] == nil)
        #expect((two["source"] as? [String: Any])?["name"] as? String == "Archive")
        let page = try object(try #require(ImportReader().items(paths: [folder + "/set/two.html"]).first))
        #expect(page["source"] == nil, "a page names its own publication")
    }

    @Test func aMissingPathIsOneFailedItem() {
        let items = ImportReader().items(paths: [folder + "/nothing-here.ndjson"])
        #expect(items.count == 1 && items[0].line == nil && items[0].problem == "no such file or folder")
    }
}
