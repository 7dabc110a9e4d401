import Foundation
import NewsModel

@testable import Extraction

/// Helpers shared by the extraction tests.
enum Fixture {
    /// The repository's knowledge base, found from this file's path.
    static let knowledge = try! KnowledgeBase(
        directory: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data/knowledge").path)
    static let extractor = Extractor(knowledge: knowledge)

    /// An article file from the bundled `Articles` folder.
    static func text(_ name: String) -> String {
        let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Articles")!
        return try! String(contentsOf: url, encoding: .utf8)
    }

    static let seedInput = ArticleInput(
        title: "What Did Putin Discuss with Mahmoud Abbas?", text: text("seed-putin-hosts-abbas"),
        publishedAt: Day("2024-08-13")!, source: Source(name: "seed"))
    static let seed = extractor.extract(seedInput, articleId: "what-did-putin-discuss-with-mahmoud-abbas")

    static func extract(_ text: String, published: String = "2024-08-13") -> ExtractionResult {
        extractor.extract(
            ArticleInput(title: "", text: text, publishedAt: Day(published)!, source: Source(name: "test")),
            articleId: "test")
    }

    static func tokens(_ text: String) -> [Token] { Tokenizer.tokenize(Array(text.unicodeScalars)) }

    /// The scalars of `body` between two offsets.
    static func slice(_ body: String, _ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(Array(body.unicodeScalars)[start..<end]))
    }
}
