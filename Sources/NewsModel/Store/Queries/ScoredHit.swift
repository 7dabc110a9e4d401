/// A search candidate before it is turned into a ``SearchHit``.
struct ScoredHit {
    enum Ref: Hashable {
        case article(UInt32)
        case entity(UInt32)
        case event(SortKey)
    }

    var ref: Ref
    /// Whether the document holds every query term; complete hits rank above partial ones.
    var complete: Bool
    var score: Double

    /// Whether this hit ranks above another: complete first, then by score, then by kind and
    /// serial so that ties keep a stable order.
    func ranks(above other: ScoredHit) -> Bool {
        if complete != other.complete { return complete }
        if score != other.score { return score > other.score }
        return ref.order < other.ref.order
    }
}

extension ScoredHit.Ref {
    fileprivate var order: (Int, UInt32) {
        switch self {
        case .article(let serial): (0, serial)
        case .entity(let serial): (1, serial)
        case .event(let key): (2, key.serial)
        }
    }
}
