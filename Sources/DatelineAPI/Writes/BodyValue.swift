import HTTPServer

/// A value of a write's body as its readers see it: a tree's (``JSONValue``, what merge patches
/// make), or one read from the document's bytes as asked for (``JSONDocument/Value``, without a
/// tree of dictionaries made first). The readers are written once for both, so a body reads the
/// same either way, errors and all.
protocol BodyValue {
    associatedtype Object: BodyObject where Object.Value == Self

    var isNull: Bool { get }
    var string: String? { get }
    var number: Double? { get }
    /// The elements of an array; nil for anything else.
    var items: [Self]? { get }
    /// The members of an object; nil for anything else.
    var members: Object? { get }
    /// What kind of value this is, for messages (`a string`, `null`).
    var kindDescription: String { get }
}

/// The members of an object of a write's body, by name.
protocol BodyObject {
    associatedtype Value

    subscript(name: String) -> Value? { get }
    /// The names of the members that are not among `known`, each once, in order.
    func unknownNames(among known: Set<String>) -> [String]
}

extension JSONValue: BodyValue {}

extension [String: JSONValue]: BodyObject {
    func unknownNames(among known: Set<String>) -> [String] {
        // Nothing is gathered for the usual object, which has no unknown member.
        guard keys.contains(where: { !known.contains($0) }) else { return [] }
        return keys.filter { !known.contains($0) }.sorted()
    }
}

extension JSONDocument.Value: BodyValue {}

extension JSONDocument.Members: BodyObject {
    func unknownNames(among known: Set<String>) -> [String] {
        var unknown: Set<String> = []
        forEach { name, _ in
            if !known.contains(name) { unknown.insert(name) }
        }
        return unknown.sorted()
    }
}
