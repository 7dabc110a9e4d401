/// One document in a term's posting list. How many terms the document holds (the length that
/// ranking normalizes by) is kept once a document, by ``TextIndex/length(of:)``, not in every
/// posting: a posting of an event then takes eight bytes, not twelve.
struct TextPosting<Ref: Comparable & Sendable>: Sendable, KeyedElement {
    let ref: Ref

    var key: Ref { ref }
}

/// A document a ``TextIndex`` refers to, with a number of its own, small and dense (a serial),
/// that its length is kept under.
protocol TextDocument: Comparable, Hashable, Sendable {
    var documentNumber: Int { get }
}

extension UInt32: TextDocument {
    var documentNumber: Int { Int(self) }
}

extension SortKey: TextDocument {
    var documentNumber: Int { Int(serial) }
}
