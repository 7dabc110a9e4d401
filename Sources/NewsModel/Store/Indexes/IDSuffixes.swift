/// For each id base, the suffix the next unique id built on it can take: one more than the
/// highest `-N` any id on that base has carried. Picking a unique id then costs one lookup,
/// however many ids share the base.
///
/// Suffixes only rise: an id freed by a delete is not handed out again as `base-N`, which keeps
/// the index a plain function of the ids written, whatever was deleted since.
struct IDSuffixes: Sendable {
    private var next = PersistentMap<String, Int>()

    /// Notes an id the store now holds.
    mutating func note(_ id: String) {
        guard let (base, suffix) = Self.split(id) else { return }
        if suffix >= next[base] ?? 2 { next[base] = suffix + 1 }
    }

    /// The lowest suffix (2 or more) that no id `base-N` has carried.
    func nextSuffix(for base: String) -> Int {
        next[base] ?? 2
    }

    /// `base-N` as its base and its suffix: N written as the decimal number it is (no leading
    /// zero, at most nine digits), 2 or more.
    static func split(_ id: String) -> (base: String, suffix: Int)? {
        let utf8 = id.utf8
        guard let dash = utf8.lastIndex(of: UInt8(ascii: "-")), dash != utf8.startIndex else { return nil }
        let digits = utf8[utf8.index(after: dash)...]
        guard (1...9).contains(digits.count), digits.first != UInt8(ascii: "0"),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        let suffix = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard suffix >= 2 else { return nil }
        return (String(id[..<dash]), suffix)
    }
}
