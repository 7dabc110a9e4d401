/// One result of ``StoreSnapshot/search(_:limit:)``.
public struct SearchHit: Codable, Sendable, Hashable {
    public var kind: ItemKind
    public var id: String
    /// The article title, entity name or event summary.
    public var label: String
    /// A short window of the text that matched, around the first matching word, with `…`
    /// where it was cut.
    public var snippet: String
    /// Higher is better; comparable only within one result list.
    public var score: Double

    public init(kind: ItemKind, id: String, label: String, snippet: String, score: Double) {
        self.kind = kind
        self.id = id
        self.label = label
        self.snippet = snippet
        self.score = score
    }
}
