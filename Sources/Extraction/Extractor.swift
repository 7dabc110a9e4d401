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
    /// Stamped as `extractorVersion` on every article, event and new entity it makes; raise it
    /// when the rules change (the major part when the model does: 2.0 is the trained tagger).
    public static let version = "dateline-extract-2.4"

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
        return extract(body: body, of: input, articleId: articleId, known: known)
    }

    /// Extracts again from an article already stored, its body taken as it is (already cleaned,
    /// so every offset into it stays valid) and its id kept.
    public func reextract(_ article: Article, known: [Entity] = []) -> ExtractionResult {
        let input = ArticleInput(
            title: article.title, text: article.body, publishedAt: article.publishedAt,
            source: article.source, language: article.language)
        return extract(body: article.body, of: input, articleId: article.id, known: known)
    }

    private func extract(body: String, of input: ArticleInput, articleId: String, known: [Entity]) -> ExtractionResult {
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
        let document = EventExtractor.Document(
            tokens: tokens, sentences: sentences, scalars: scalars,
            mentions: linked.mentions, times: times, names: names)
        let events = EventExtractor(articleId: articleId, publishedAt: input.publishedAt).extract(document)
        let mentions = linked.mentions.map {
            Mention(
                entityId: $0.entityId, sentenceIndex: $0.candidate.sentence, start: $0.candidate.start,
                end: $0.candidate.end, text: $0.candidate.text)
        }
        let article = Article(
            id: articleId, title: input.title, body: body, source: input.source,
            publishedAt: input.publishedAt, language: input.language,
            wordCount: Self.countWords(scalars), mentions: mentions, extractorVersion: Self.version)
        let knownIDs = Set(known.map(\.id))
        let entities = linked.entities.map { entity in
            var entity = entity
            if !knownIDs.contains(entity.id) { entity.extractorVersion = Self.version }
            return entity
        }
        return ExtractionResult(article: article, entities: entities, events: events)
    }

    /// Whitespace-separated words, as `Article.countWords` counts them, without building substrings.
    static func countWords(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var inWord = false
        for s in scalars {
            if Tokenizer.isWhitespace(s) {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
