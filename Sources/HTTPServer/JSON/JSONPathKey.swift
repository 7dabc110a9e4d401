/// A key of a ``CompactJSONEncoder`` coding path: the name and number of the key a value was
/// encoded under, or the index of an array element (named `Index 3`, as Foundation names it).
struct JSONPathKey: CodingKey {
    private let name: String?
    let intValue: Int?

    var stringValue: String { name ?? "Index \(intValue ?? 0)" }

    init(stringValue: String) {
        self.name = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.name = String(intValue)
        self.intValue = intValue
    }

    init(name: String, intValue: Int?) {
        self.name = name
        self.intValue = intValue
    }

    private init(index: Int) {
        self.name = nil
        self.intValue = index
    }

    /// The key of array element `index`; its name is made only when asked for.
    static func index(_ index: Int) -> JSONPathKey { JSONPathKey(index: index) }

    /// The key `superEncoder()` encodes under.
    static let `super` = JSONPathKey(stringValue: "super")
}
