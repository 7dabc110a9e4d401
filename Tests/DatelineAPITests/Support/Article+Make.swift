import NewsModel

extension Article {
    /// A test article: the body is the sentences joined by spaces, and each `(entity, sentence,
    /// text)` becomes a mention at the first place `text` occurs in that sentence.
    static func make(
        _ id: String, title: String? = nil, published: String, sentences: [String],
        mentions: [(entity: String, sentence: Int, text: String)] = []
    ) -> Article {
        let body = sentences.joined(separator: " ")
        var starts: [Int] = []
        var offset = 0
        for sentence in sentences {
            starts.append(offset)
            offset += sentence.unicodeScalars.count + 1
        }
        let found = mentions.map { mention -> Mention in
            let scalars = Array(sentences[mention.sentence].unicodeScalars)
            let needle = Array(mention.text.unicodeScalars)
            let local = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle } ?? 0
            let start = starts[mention.sentence] + local
            return Mention(
                entityId: mention.entity, sentenceIndex: mention.sentence, start: start,
                end: start + needle.count, text: mention.text)
        }
        return Article(
            id: id, title: title ?? id.replacingOccurrences(of: "-", with: " ").capitalized,
            body: body, source: Source(name: "Test Wire", url: "https://example.org/\(id)"),
            publishedAt: Day(published)!, mentions: found)
    }
}
