public import NewsModel

/// Turns one article's text into its cleaned body, the entities it names (linked to the ones
/// already known) and the events it reports.
///
/// Deterministic and offline: rules, word lists, a knowledge file and a gazetteer.
///
/// ```swift
/// let extractor = Extractor(knowledge: try KnowledgeBase(directory: "data/knowledge"))
/// let result = extractor.extract(input, articleId: Slug.make(input.title), known: store.entities)
/// ```
public struct Extractor: Sendable {
    /// Stamped on every event as `extractorVersion`; raise it when the rules change.
    public static let version = "dateline-extract-1.1"

    public let knowledge: KnowledgeBase

    public init(knowledge: KnowledgeBase) {
        self.knowledge = knowledge
    }

    /// Extracts entities and events from one article.
    ///
    /// - Parameters:
    ///   - articleId: the article's id (a slug of its title), used in mentions' entities and
    ///     event sources.
    ///   - known: entities already in the store, so mentions link to their ids.
    public func extract(_ input: ArticleInput, articleId: String, known: [Entity] = []) -> ExtractionResult {
        let body = Cleaner.clean(input.text, title: input.title, language: input.language)
        let scalars = Array(body.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        let sentences = SentenceSplitter.split(tokens)
        let recognizer = EntityRecognizer(knowledge: knowledge, known: known)
        let candidates = recognizer.recognize(tokens: tokens, sentences: sentences, scalars: scalars)
        let linked = EntityLinker(knowledge: knowledge, known: known).link(candidates, articleId: articleId)
        let normalizer = TimeExpressionNormalizer(publishedAt: input.publishedAt)
        let times = normalizer.find(in: tokens, sentences: sentences, scalars: scalars)
        var names: [String: String] = [:]
        for e in linked.entities { names[e.id] = e.name }
        let document = EventExtractor.Document(tokens: tokens, sentences: sentences, scalars: scalars,
                                               mentions: linked.mentions, times: times, names: names)
        let events = EventExtractor(articleId: articleId, publishedAt: input.publishedAt).extract(document)
        let mentions = linked.mentions.map {
            Mention(entityId: $0.entityId, sentenceIndex: $0.candidate.sentence, start: $0.candidate.start,
                    end: $0.candidate.end, text: $0.candidate.text)
        }
        let article = Article(id: articleId, title: input.title, body: body, source: input.source,
                              publishedAt: input.publishedAt, language: input.language,
                              wordCount: Self.countWords(scalars), mentions: mentions)
        return ExtractionResult(article: article, entities: linked.entities, events: events)
    }

    /// Whitespace-separated words, as `Article.countWords` counts them, without building substrings.
    static func countWords(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var inWord = false
        for s in scalars {
            if Tokenizer.isWhitespace(s) { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}
