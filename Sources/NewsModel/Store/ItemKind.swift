/// The three kinds of thing the store holds.
public enum ItemKind: String, Codable, Sendable, Hashable, CaseIterable {
    case article, entity, event
}
