/// The distinct terms of a document's indexed text, and how many terms it holds in all.
struct IndexedTerms: Sendable, Equatable {
    var terms: Set<String>
    var length: Int

    init(_ texts: [String]) {
        var terms = Set<String>()
        var length = 0
        for text in texts {
            for token in TextNormalizer.tokens(text) {
                terms.insert(token)
                length += 1
            }
        }
        self.terms = terms
        self.length = length
    }
}
