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
        let listed = values.flatMap { HeaderList.elements($0) }
        if listed.contains("*") { return }
        var added: [String] = []
        for name in names where !listed.contains(where: { HeaderList.sameToken($0, name) }) {
            if !added.contains(where: { HeaderList.sameToken($0, name) }) { added.append(name) }
        }
        guard !added.isEmpty || values.count > 1 else { return }
        self[.vary] = (listed.map(String.init) + added).joined(separator: ", ")
    }
}
