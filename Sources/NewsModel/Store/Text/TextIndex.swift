/// An inverted index from terms to the documents that hold them, in document order.
struct TextIndex<Ref: Comparable & Hashable & Sendable>: Sendable {
    private var postings = PersistentMap<String, SortedChunks<TextPosting<Ref>>>()
    private(set) var documentCount = 0
    private(set) var totalLength = 0

    /// The mean number of terms per document (1 when empty).
    var averageLength: Double {
        documentCount == 0 ? 1 : max(1, Double(totalLength) / Double(documentCount))
    }

    func postings(for term: String) -> SortedChunks<TextPosting<Ref>>? {
        postings[term]
    }

    mutating func add(_ ref: Ref, _ indexed: IndexedTerms) {
        let posting = TextPosting(ref: ref, length: UInt16(clamping: indexed.length))
        for term in indexed.terms {
            postings.modify(term, default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(posting) }
        }
        documentCount += 1
        totalLength += indexed.length
    }

    mutating func remove(_ ref: Ref, _ indexed: IndexedTerms) {
        for term in indexed.terms {
            postings.modify(term, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(ref) }
        }
        documentCount -= 1
        totalLength -= indexed.length
    }
}
