/// An inverted index from terms to the documents that hold them, in document order.
///
/// Terms are numbered in the order they were first indexed, and their postings kept in a vector
/// by number. A snapshot's next version then copies, for the terms a batch changes, the nodes of
/// a map whose values are plain numbers (and only for terms new to it) and the chunks of the
/// vector that hold their postings, which the frequent terms, numbered early, share: not the
/// path to every term's postings through a map whose every copied node retains the postings
/// of all its entries.
///
/// A term found in one document keeps its posting inline, not in a list: most of a large
/// vocabulary is names and numbers seen once, and a list of one took two allocations.
struct TextIndex<Ref: Comparable & Hashable & Sendable>: Sendable {
    private var termNumbers = PersistentMap<String, UInt32>()
    /// By term number; a term whose documents have all been removed keeps its number and no
    /// postings.
    private var postingsByNumber = ChunkedVector<Postings>()
    private(set) var documentCount = 0
    private(set) var totalLength = 0

    init() {}

    /// The mean number of terms per document (1 when empty).
    var averageLength: Double {
        documentCount == 0 ? 1 : max(1, Double(totalLength) / Double(documentCount))
    }

    func postings(for term: String) -> SortedChunks<TextPosting<Ref>>? {
        guard let number = termNumbers[term] else { return nil }
        let list = postingsByNumber[Int(number)].list
        return list.isEmpty ? nil : list
    }

    /// The number of `term`, given now if it has none.
    private mutating func number(of term: String) -> Int {
        if let number = termNumbers[term] { return Int(number) }
        let number = postingsByNumber.count
        termNumbers[term] = UInt32(number)
        postingsByNumber.append(.none)
        return number
    }

    /// Indexes the document `ref` by the terms of its `texts`.
    mutating func add(_ ref: Ref, texts: [String]) {
        apply([Change(ref: ref, texts: texts, adds: true)])
    }

    /// Documents gathered to build an index in one step, each term's postings sorted once:
    /// what loading many documents at a time does instead of adding them one by one.
    struct Gathering {
        fileprivate var postings: [String: [TextPosting<Ref>]] = [:]
        fileprivate var documentCount = 0
        fileprivate var totalLength = 0

        mutating func add(_ ref: Ref, texts: [String]) {
            let indexed = IndexedTerms(texts)
            let posting = TextPosting(ref: ref, length: UInt16(clamping: indexed.length))
            for term in indexed.terms { postings[term, default: []].append(posting) }
            documentCount += 1
            totalLength += indexed.length
        }
    }

    /// The index of the gathered documents, as adding each of them would make it. A frequent
    /// term's gathered postings are let go once its list is made, so that the gathering and the
    /// index never both hold all of them (at a million events, 300 MiB less at the peak of a
    /// restart). The rare terms' stay until the end: let go one by one, they would leave holes
    /// the size of a few postings between the lists, which the process could not give back.
    init(_ gathered: consuming Gathering) {
        var lists = Array(gathered.postings)
        gathered.postings = [:]
        // The most frequent terms first, so that the chunks they share are few.
        lists.sort { $0.value.count > $1.value.count }
        for index in lists.indices {
            var postings = lists[index].value
            if postings.count >= Self.frequentTermPostings { lists[index].value = [] }
            postings.sort { $0.ref < $1.ref }
            termNumbers[lists[index].key] = UInt32(postingsByNumber.count)
            postingsByNumber.append(Postings(sorted: postings))
        }
        documentCount = gathered.documentCount
        totalLength = gathered.totalLength
    }

    /// How many postings make a term frequent enough for its gathered ones to be let go early.
    private static var frequentTermPostings: Int { 1024 }

    /// Removes the document `ref`, indexed by the terms of `texts`.
    mutating func remove(_ ref: Ref, texts: [String]) {
        apply([Change(ref: ref, texts: texts, adds: false)])
    }

    /// A document added or removed, held back to be applied with others by ``apply(_:)``. Its
    /// texts are read into terms only then: a writer that holds changes back under its lock
    /// does not read them there.
    struct Change: Sendable {
        let ref: Ref
        let texts: [String]
        let adds: Bool
    }

    /// Applies the changes in their order, as ``add(_:_:)`` and ``remove(_:_:)`` of each in turn
    /// would, but changes each term's postings once however many of the documents hold it:
    /// words that many documents share (as news shares most of its words) cost one change of
    /// the map from words to postings a batch, not one a document.
    mutating func apply(_ changes: [Change]) {
        // Each change's terms go straight into the lists by term, without a set of its own first.
        var changesByTerm: [String: [Int]] = [:]
        var lengths: [Int] = []
        lengths.reserveCapacity(changes.count)
        for (index, change) in changes.enumerated() {
            var length = 0
            for text in change.texts {
                TextNormalizer.forEachTerm(in: text) { term in
                    length += 1
                    Self.appendOnce(index, to: &changesByTerm[term, default: []])
                }
            }
            lengths.append(length)
            documentCount += change.adds ? 1 : -1
            totalLength += change.adds ? length : -length
        }
        for (term, indices) in changesByTerm {
            postingsByNumber.modify(number(of: term)) { postings in
                for index in indices {
                    let change = changes[index]
                    if change.adds {
                        postings.insert(TextPosting(ref: change.ref, length: UInt16(clamping: lengths[index])))
                    } else {
                        postings.remove(change.ref)
                    }
                }
            }
        }
    }

    /// Lists a change under a term once, however often its texts hold the term: its index is
    /// last in the list from the term's first sighting on.
    private static func appendOnce(_ index: Int, to indices: inout [Int]) {
        if indices.last != index { indices.append(index) }
    }

    /// A term's postings: one inline, or a list.
    private enum Postings: Sendable {
        case one(TextPosting<Ref>)
        case many(SortedChunks<TextPosting<Ref>>)

        static var none: Postings { .many(SortedChunks()) }

        /// The postings given, in order of their documents, without repeats.
        init(sorted postings: [TextPosting<Ref>]) {
            self = postings.count == 1 ? .one(postings[0]) : .many(SortedChunks(sorted: postings))
        }

        /// Every posting, in order of their documents.
        var list: SortedChunks<TextPosting<Ref>> {
            switch self {
            case .one(let posting): SortedChunks(sorted: [posting])
            case .many(let list): list
            }
        }

        mutating func insert(_ posting: TextPosting<Ref>) {
            switch self {
            case .one(let held) where held.ref == posting.ref:
                self = .one(posting)
            case .one(let held):
                self = Postings(sorted: held.ref < posting.ref ? [held, posting] : [posting, held])
            case .many(let list) where list.isEmpty:
                self = .one(posting)
            case .many(var list):
                // Let go of the list first, so that it is changed in place, not copied.
                self = .none
                list.insert(posting)
                self = .many(list)
            }
        }

        mutating func remove(_ ref: Ref) {
            switch self {
            case .one(let held):
                if held.ref == ref { self = .none }
            case .many(var list):
                self = .none
                list.remove(ref)
                self = .many(list)
            }
        }
    }
}
