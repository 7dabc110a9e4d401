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
        // One name added to one value of one name (compression's, then CORS's), the usual case:
        // no list to gather.
        if names.count == 1, values.count == 1, !values[0].utf8.contains(UInt8(ascii: ",")) {
            let only = HeaderList.trim(Substring(values[0]))
            if only == "*" || HeaderList.sameToken(only, names[0]) { return }
            self[.vary] = only.isEmpty ? names[0] : only + ", " + names[0]
            return
        }
        var listed = values.flatMap { HeaderList.elements($0) }
        if listed.contains("*") { return }
        let given = listed.count
        for name in names where !listed.contains(where: { HeaderList.sameToken($0, name) }) {
            listed.append(Substring(name))
        }
        guard listed.count > given || values.count > 1 else { return }
        // Written out by hand: with CORS for exact origins every compressible response gets
        // here, and a join of mapped arrays made three more of them.
        var merged = ""
        for name in listed {
            if !merged.isEmpty { merged += ", " }
            merged += name
        }
        self[.vary] = merged
    }
}
