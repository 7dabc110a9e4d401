/// The distinct terms of a document's indexed text, and how many terms it holds in all.
struct IndexedTerms: Sendable {
    var terms: Set<String>
    var length: Int

    init(_ texts: [String]) {
        // Made at about the size it will reach (a term and its space take six bytes or more), so
        // that the set does not grow and rehash as it goes.
        terms = Set(minimumCapacity: texts.reduce(0) { $0 + $1.utf8.count } / 6)
        length = 0
        for text in texts {
            TextNormalizer.forEachTerm(in: text) { term in
                terms.insert(term)
                length += 1
            }
        }
    }
}
