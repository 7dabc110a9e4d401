import Extraction
import FoundationEssentials
import NewsModel

/// Reads the seed folder: each `NAME.json` holds an article's metadata and names its text file.
enum SeedLoader {
    /// What a seed metadata file holds.
    struct Metadata: Decodable {
        var file: String
        var title: String
        var publishedAt: Day
        var language: String?
        var source: Source
    }

    /// The seed articles, in file-name order. A missing folder is an empty seed.
    static func load(directory: String) throws -> [ArticleInput] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        return try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            let metadata = try JSONDecoder().decode(Metadata.self, from: Data(contentsOf: url))
            let text = try String(contentsOf: url.deletingLastPathComponent().appendingPathComponent(metadata.file), encoding: .utf8)
            return ArticleInput(
                title: metadata.title, text: Self.droppingTitleLine(text, title: metadata.title),
                publishedAt: metadata.publishedAt, source: metadata.source,
                language: metadata.language ?? "en")
        }
    }

    /// The text without its first line when that line is the title.
    static func droppingTitleLine(_ text: String, title: String) -> String {
        let trimmed = text.drop(while: \.isNewline)
        guard let end = trimmed.firstIndex(of: "\n"),
            String(trimmed[..<end]).trimmingWhitespace == title
        else { return String(trimmed) }
        return String(trimmed[end...].drop(while: \.isNewline))
    }
}
