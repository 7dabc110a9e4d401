/// An inverted index from terms to the documents that hold them, in document order.
struct TextIndex<Ref: Comparable & Hashable & Sendable>: Sendable {
    private var postings = PersistentMap<String, SortedChunks<TextPosting<Ref>>>()
    private(set) var documentCount = 0
    private(set) var totalLength = 0

    init() {}

    /// The mean number of terms per document (1 when empty).
    var averageLength: Double {
        documentCount == 0 ? 1 : max(1, Double(totalLength) / Double(documentCount))
    }

    func postings(for term: String) -> SortedChunks<TextPosting<Ref>>? {
        postings[term]
    }

    mutating func add(_ ref: Ref, _ indexed: IndexedTerms) {
        apply([Change(ref: ref, indexed: indexed, adds: true)])
    }

    /// Documents gathered to build an index in one step, each term's postings sorted once:
    /// what loading many documents at a time does instead of adding them one by one.
    struct Gathering {
        fileprivate var postings: [String: [TextPosting<Ref>]] = [:]
        fileprivate var documentCount = 0
        fileprivate var totalLength = 0

        mutating func add(_ ref: Ref, _ indexed: IndexedTerms) {
            let posting = TextPosting(ref: ref, length: UInt16(clamping: indexed.length))
            for term in indexed.terms { postings[term, default: []].append(posting) }
            documentCount += 1
            totalLength += indexed.length
        }
    }

    /// The index of the gathered documents, as adding each of them would make it.
    init(_ gathered: Gathering) {
        for (term, postings) in gathered.postings {
            self.postings[term] = SortedChunks(sorted: postings.sorted { $0.ref < $1.ref })
        }
        documentCount = gathered.documentCount
        totalLength = gathered.totalLength
    }

    mutating func remove(_ ref: Ref, _ indexed: IndexedTerms) {
        apply([Change(ref: ref, indexed: indexed, adds: false)])
    }

    /// A document added or removed, held back to be applied with others by ``apply(_:)``.
    struct Change: Sendable {
        let ref: Ref
        let indexed: IndexedTerms
        let adds: Bool
    }

    /// Applies the changes in their order, as ``add(_:_:)`` and ``remove(_:_:)`` of each in turn
    /// would, but changes each term's postings once however many of the documents hold it:
    /// words that many documents share (as news shares most of its words) cost one change of
    /// the map from words to postings a batch, not one a document.
    mutating func apply(_ changes: [Change]) {
        var changesByTerm: [String: [Int]] = [:]
        for (index, change) in changes.enumerated() {
            for term in change.indexed.terms { changesByTerm[term, default: []].append(index) }
            documentCount += change.adds ? 1 : -1
            totalLength += change.adds ? change.indexed.length : -change.indexed.length
        }
        for (term, indices) in changesByTerm {
            postings.modify(term, default: SortedChunks(), removeWhen: \.isEmpty) { list in
                for change in indices.lazy.map({ changes[$0] }) {
                    if change.adds {
                        list.insert(TextPosting(ref: change.ref, length: UInt16(clamping: change.indexed.length)))
                    } else {
                        list.remove(change.ref)
                    }
                }
            }
        }
    }
}
