extension RequestParser {
    /// Splits a query string into `name=value` items the way HTML forms encode them.
    enum QueryParser {
        /// The items in order: `&` separates them, the first `=` splits name from value, `+` is a
        /// space, and a name without `=` has the value "". Empty pieces (`a=1&&b=2`) are skipped.
        /// Nil when a name or value has invalid percent-encoding or decodes to invalid UTF-8.
        static func items(_ query: ArraySlice<UInt8>) -> [QueryItem]? {
            var items: [QueryItem] = []
            for piece in query.split(separator: UInt8(ascii: "&")) {
                let name: ArraySlice<UInt8>
                let value: ArraySlice<UInt8>
                if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                    name = piece[..<equals]
                    value = piece[(equals + 1)...]
                } else {
                    name = piece
                    value = []
                }
                guard let decodedName = PercentDecoding.decode(name, plusAsSpace: true),
                    let decodedValue = PercentDecoding.decode(value, plusAsSpace: true)
                else { return nil }
                items.append(QueryItem(name: decodedName, value: decodedValue))
            }
            return items
        }
    }
}
