/// The best `limit` hits seen so far, kept sorted worst first so a candidate that does not
/// make the cut costs one comparison.
struct TopHits {
    let limit: Int
    private var hits: [ScoredHit] = []
    private var seen: Set<ScoredHit.Ref> = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Keeps the hit if it ranks among the best; returns false when it does not.
    @discardableResult
    mutating func offer(_ hit: ScoredHit) -> Bool {
        if hits.count == limit, let worst = hits.first, !hit.ranks(above: worst) { return false }
        guard !seen.contains(hit.ref) else { return true }
        var low = 0
        var high = hits.count
        while low < high {
            let mid = (low + high) / 2
            if hit.ranks(above: hits[mid]) { low = mid + 1 } else { high = mid }
        }
        hits.insert(hit, at: low)
        seen.insert(hit.ref)
        if hits.count > limit { seen.remove(hits.removeFirst().ref) }
        return true
    }

    /// Best first.
    var sorted: [ScoredHit] { hits.reversed() }
}
