/// Hands out ids for new items of one kind that neither the snapshot nor each other hold:
/// what one write that creates several items (an article's events) needs.
///
/// ```swift
/// var ids = UniqueIDs(in: snapshot, for: .event)
/// let first = ids.make(from: "2024-08-13-consult-vladimir-putin")   // the base, if free
/// let second = ids.make(from: "2024-08-13-consult-vladimir-putin")  // then base-2, base-3, ...
/// ```
public struct UniqueIDs: Sendable {
    private var snapshot: StoreSnapshot
    public let kind: ItemKind
    private var issued = Set<String>()
    private var issuedSuffixes = IDSuffixes()

    public init(in snapshot: StoreSnapshot, for kind: ItemKind) {
        self.snapshot = snapshot
        self.kind = kind
    }

    /// `base` when it is free, else `base-N` with N above every suffix used on that base.
    public mutating func make(from base: String) -> String {
        if isFree(base) { return take(base) }
        let suffix = max(snapshot.nextSuffix(for: base, kind), issuedSuffixes.nextSuffix(for: base))
        return take("\(base)-\(suffix)")
    }

    /// `candidate` when it is free; else a new id on its base (`x-2` taken gives `x-N`, from `x`).
    public mutating func claim(_ candidate: String) -> String {
        if isFree(candidate) { return take(candidate) }
        return make(from: IDSuffixes.split(candidate)?.base ?? candidate)
    }

    /// Goes on from `newer`, a later snapshot of the same store: what it holds is taken there.
    public mutating func follow(_ newer: StoreSnapshot) {
        snapshot = newer
    }

    /// Lets `id` be issued again, once the snapshot followed holds it or its item will never be
    /// made. A suffix once issued stays used: `base-N` is not handed out again.
    public mutating func release(_ id: String) {
        issued.remove(id)
    }

    private func isFree(_ id: String) -> Bool {
        !issued.contains(id) && !snapshot.holds(id, kind)
    }

    private mutating func take(_ id: String) -> String {
        issued.insert(id)
        issuedSuffixes.note(id)
        return id
    }
}
