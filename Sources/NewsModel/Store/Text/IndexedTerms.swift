/// The distinct terms of a document's indexed text, and how many terms it holds in all.
struct IndexedTerms: Sendable, Equatable {
    var terms: Set<String>
    var length: Int

    init(_ texts: [String]) {
        // All tokens first, so that the set is made at its size instead of growing and
        // rehashing as it goes.
        let tokens = texts.flatMap(TextNormalizer.tokens)
        terms = Set(tokens)
        length = tokens.count
    }
}
