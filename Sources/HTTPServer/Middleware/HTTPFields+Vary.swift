public import HTTPTypes

extension HTTPFields {
    /// Adds `names` to the `Vary` field, keeping what it lists already and listing no name twice.
    ///
    /// A `Vary: *` stays as it is: it already covers every name.
    public mutating func mergeVary(_ names: String...) {
        mergeVary(list: names)
    }

    /// Adds one name to the `Vary` field, as above: what every response of a type that compresses
    /// does (and again for CORS with exact origins), so it makes no list of names.
    public mutating func mergeVary(_ name: String) {
        // The field is found by position: reading or setting it by name goes through generic
        // lazy sequences that cost more than the merge itself.
        guard let first = firstIndex(where: { $0.name == .vary }) else {
            append(HTTPField(name: .vary, value: name))
            return
        }
        // One name added to one field of one name, the usual case: no list to gather.
        let value = self[first].value
        if !value.utf8.contains(UInt8(ascii: ",")), !self[index(after: first)...].contains(where: { $0.name == .vary }) {
            let only = HeaderList.trim(Substring(value))
            if only == "*" || HeaderList.sameToken(only, name) { return }
            self[first].value = only.isEmpty ? name : only + ", " + name
            return
        }
        mergeVary(list: [name])
    }

    private mutating func mergeVary(list names: [String]) {
        let values = self[values: .vary]
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
