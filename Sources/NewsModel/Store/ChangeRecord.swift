/// One thing that happened to the store: which item, what was done to it, and the version
/// it happened in. Every record of one ``NewsStore/apply(_:)`` call carries the same version.
public struct ChangeRecord: Codable, Sendable, Hashable {
    /// The store version that first holds this change.
    public var version: UInt64
    public var kind: ItemKind
    public var id: String
    public var op: Operation
    /// For `merged`: the entity it was merged into.
    public var mergedInto: String?

    public init(version: UInt64, kind: ItemKind, id: String, op: Operation, mergedInto: String? = nil) {
        self.version = version
        self.kind = kind
        self.id = id
        self.op = op
        self.mergedInto = mergedInto
    }

    /// What was done.
    public enum Operation: String, Codable, Sendable, Hashable, CaseIterable {
        case created, updated, deleted
        /// An entity folded into another (`mergedInto`); its id now redirects there.
        case merged
    }
}
