/// An element that a ``SortedChunks`` keeps in order of its key.
protocol KeyedElement {
    associatedtype Key: Comparable & Sendable
    var key: Key { get }
}

extension String: KeyedElement {
    var key: String { self }
}
