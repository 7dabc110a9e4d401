public import HTTPTypes

extension HTTPFields {
    /// Adds `names` to the `Vary` field, keeping what it lists already and listing no name twice.
    ///
    /// A `Vary: *` stays as it is: it already covers every name.
    public mutating func mergeVary(_ names: String...) {
        let values = self[values: .vary]
        if values.isEmpty {
            self[.vary] = names.joined(separator: ", ")
            return
        }
        let existing = values.flatMap { HeaderList.elements($0) }
        if existing.contains("*") { return }
        var listed = Set(existing.map { $0.lowercased() })
        var merged = existing.map(String.init)
        for name in names where !listed.contains(name.lowercased()) {
            listed.insert(name.lowercased())
            merged.append(name)
        }
        guard merged.count != existing.count || self[values: .vary].count > 1 else { return }
        self[.vary] = merged.joined(separator: ", ")
    }
}
