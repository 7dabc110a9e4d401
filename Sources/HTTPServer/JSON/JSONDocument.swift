/// One JSON document (RFC 8259), checked whole and kept as its bytes and a flat list of its
/// values in document order, each read only when asked for: a write's body read field by field
/// without a tree of dictionaries made first. ``JSONParser`` makes its trees from it, so the two
/// accept exactly the same documents (see ``JSONParser`` for which).
///
/// ```swift
/// let document = JSONDocument(Array(#"{"a":[1,true],"a":2}"#.utf8))!
/// document.root.members?["a"]?.items?.count   // 2: the first member of a repeated key wins
/// document.root.value                          // ["a": [1, true]]
/// ```
public struct JSONDocument: Sendable {
    fileprivate let tape: Tape

    /// The document `bytes` spell, or nil when they are not exactly one well-formed JSON document.
    public init?(_ bytes: [UInt8]) {
        guard let tape = bytes.withUnsafeBufferPointer({ TapeWriter.tape(of: $0) }) else { return nil }
        self.tape = Tape(bytes: bytes, tokens: tape.tokens, unescaped: tape.unescaped)
    }

    /// The document's value.
    public var root: Value { Value(tape: tape, index: 0) }

    /// One value of the document.
    public struct Value: Sendable {
        fileprivate let tape: Tape
        fileprivate let index: Int

        private var token: Token { tape.tokens[index] }

        public var isNull: Bool { token.kind == .null }

        public var bool: Bool? {
            switch token.kind {
            case .true: true
            case .false: false
            default: nil
            }
        }

        public var number: Double? { token.kind == .number ? token.number : nil }

        public var string: String? { token.kind == .string ? tape.text(of: token) : nil }

        /// The elements of an array; nil for anything else.
        public var items: [Value]? {
            guard token.kind == .array else { return nil }
            var items: [Value] = []
            items.reserveCapacity(token.count)
            var child = index + 1
            while child < token.end {
                items.append(Value(tape: tape, index: child))
                child = tape.next(after: child)
            }
            return items
        }

        /// The members of an object; nil for anything else.
        public var members: Members? { token.kind == .object ? Members(tape: tape, index: index) : nil }

        /// What kind of value this is, for messages (`a string`, `null`), as ``JSONValue``'s.
        public var kindDescription: String {
            switch token.kind {
            case .null: "null"
            case .true, .false: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }

        /// The value as a tree, each object keeping the first member of a repeated key.
        public var value: JSONValue {
            switch token.kind {
            case .null: .null
            case .true: .bool(true)
            case .false: .bool(false)
            case .number: .number(token.number)
            case .string: .string(tape.text(of: token))
            case .array: .array(items?.map(\.value) ?? [])
            case .object:
                .object(
                    members.map { members in
                        var tree = [String: JSONValue](minimumCapacity: token.count)
                        members.forEach { name, value in
                            if tree[name] == nil { tree[name] = value.value }
                        }
                        return tree
                    } ?? [:])
            }
        }
    }

    /// The members of an object, found by name in the order written: a repeated name finds its
    /// first member, as ``JSONParser`` keeps it.
    public struct Members: Sendable {
        fileprivate let tape: Tape
        fileprivate let index: Int

        /// The number of members written, repeats included.
        public var count: Int { tape.tokens[index].count }

        /// The value of the first member named `name`.
        public subscript(name: String) -> Value? {
            var name = name
            return name.withUTF8 { name in
                var key = index + 1
                while key < tape.tokens[index].end {
                    if tape.key(key, is: name) { return Value(tape: tape, index: key + 1) }
                    key = tape.next(after: key + 1)
                }
                return nil
            }
        }

        /// Calls `body` with each member's name and value, in the order written.
        public func forEach(_ body: (String, Value) throws -> Void) rethrows {
            var key = index + 1
            while key < tape.tokens[index].end {
                try body(tape.text(of: tape.tokens[key]), Value(tape: tape, index: key + 1))
                key = tape.next(after: key + 1)
            }
        }
    }
}

/// A value of the document as the tape holds it. Containers are followed by their elements (an
/// object's by its keys and values in turn), and `end` says where they end.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        case null, `false`, `true`, number, string, array, object
    }

    var kind: Kind
    /// A string's text is at `unescaped[start]`, its escapes undone, not in the bytes.
    var isEscaped = false
    /// A string's first byte, or its place in `unescaped`.
    var start = 0
    /// A string's end in the bytes; a container's, in the tokens: the index after its last one.
    var end = 0
    /// A container's elements (an object's members).
    var count = 0
    var number = 0.0
}

/// The document's bytes and tokens, shared by the values read from them.
private final class Tape: Sendable {
    let bytes: [UInt8]
    let tokens: [Token]
    /// The texts of strings that have escapes.
    let unescaped: [String]

    init(bytes: [UInt8], tokens: [Token], unescaped: [String]) {
        self.bytes = bytes
        self.tokens = tokens
        self.unescaped = unescaped
    }

    /// The token after the value at `index` and everything in it.
    func next(after index: Int) -> Int {
        let token = tokens[index]
        return token.kind == .array || token.kind == .object ? token.end : index + 1
    }

    func text(of token: Token) -> String {
        if token.isEscaped { return unescaped[token.start] }
        return bytes.withUnsafeBufferPointer { String(decoding: $0[token.start..<token.end], as: UTF8.self) }
    }

    /// Whether the key at `index` is `name`.
    func key(_ index: Int, is name: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = tokens[index]
        if token.isEscaped { return unescaped[token.start].utf8.elementsEqual(name) }
        guard token.end - token.start == name.count else { return false }
        return bytes.withUnsafeBufferPointer { $0[token.start..<token.end].elementsEqual(name) }
    }
}
