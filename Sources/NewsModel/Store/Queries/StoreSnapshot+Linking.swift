extension StoreSnapshot {
    /// The longest run of words looked up as one name.
    static let longestName = 8

    /// The entities that names in these texts can link to, as the extractor links them (by
    /// name or alias, surname, initials, or an organization's shortened name), in id order, each
    /// as stored (`mentionCount` 0, no `articleIds`). It may hold a few the texts do not name.
    ///
    /// Every run of up to ``longestName`` folded words is looked up in the name index, so the
    /// cost follows the length of the texts, not the number of entities held.
    public func entities(nameableIn texts: [String]) -> [Entity] {
        var ids = Set<String>()
        for text in texts {
            let terms = TextNormalizer.spans(text).map(\.term)
            for start in terms.indices {
                var key = ""
                // `U.N.` folds to `u n`; its initials key is `un`.
                var letters = ""
                for end in start..<min(start + Self.longestName, terms.count) {
                    if end > start { key += " " }
                    key += terms[end]
                    ids.formUnion(state.names.entities(under: key))
                    guard letters.count == end - start, terms[end].count == 1 else { continue }
                    letters += terms[end]
                    if end > start { ids.formUnion(state.names.entities(under: letters)) }
                }
            }
        }
        return ids.sorted().compactMap { state.entities[$0] }
    }
}
