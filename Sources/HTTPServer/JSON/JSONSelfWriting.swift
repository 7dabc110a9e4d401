/// A value that writes its own JSON: byte for byte what ``CompactJSONEncoder`` makes of its
/// `encode(to:)`, without the generic encoder's work (containers, key boxes, sorting members).
/// For the few types written by the million; ``CompactJSONEncoder`` hands any such value it
/// meets, at the top or nested, to ``writeJSON(to:)``.
///
/// Keep the two in step: a test should encode many values both ways and compare the bytes.
///
/// ```swift
/// extension Point: JSONSelfWriting {
///     func writeJSON(to json: inout JSONOutput) throws {
///         try json.object { json in
///             try json.number("x", x)      // keys in ascending order, as the encoder sorts them
///             try json.number("y", y)
///         }
///     }
/// }
/// ```
public protocol JSONSelfWriting: Encodable {
    func writeJSON(to json: inout JSONOutput) throws
}

extension JSONSelfWriting {
    /// Writes `value`, which is of this type, through ``writeJSON(to:)``: how the encoder reaches
    /// it from a generic value's type, where casting the value to `any JSONSelfWriting` would put
    /// a large one (an event) in a box on the heap.
    static func writeJSON<Value>(of value: Value, to json: inout JSONOutput) throws {
        try (value as! Self).writeJSON(to: &json)
    }
}

/// Where a ``JSONSelfWriting`` value writes its JSON, with the encoder's escapes and number
/// forms. Members are written in the order given, which must be their keys' ascending order
/// (by UTF-8 bytes); a member whose optional value is nil is left out, as `encodeIfPresent`
/// leaves it.
public struct JSONOutput {
    private let state: JSONEncodingState
    /// Whether the object being written has a member already.
    private var hasMembers = false

    init(state: JSONEncodingState) {
        self.state = state
    }

    /// Writes an object whose members `body` writes.
    public mutating func object(_ body: (inout JSONOutput) throws -> Void) rethrows {
        let outer = hasMembers
        hasMembers = false
        state.bytes.append(UInt8(ascii: "{"))
        try body(&self)
        state.bytes.append(UInt8(ascii: "}"))
        hasMembers = outer
    }

    /// Writes a member whose value is an object.
    public mutating func object(_ key: StaticString, _ body: (inout JSONOutput) throws -> Void) rethrows {
        self.key(key)
        try object(body)
    }

    public mutating func string(_ key: StaticString, _ value: String) {
        self.key(key)
        state.writeString(value)
    }

    public mutating func string(_ key: StaticString, _ value: String?) {
        if let value { string(key, value) }
    }

    public mutating func integer(_ key: StaticString, _ value: Int) {
        self.key(key)
        state.writeInteger(value)
    }

    /// Throws for an infinity or NaN, as the encoder does.
    public mutating func number(_ key: StaticString, _ value: Double) throws {
        self.key(key)
        try state.writeDouble(value, codingPath: [JSONPathKey(stringValue: key.description)])
    }

    /// Writes a member whose value encodes itself: through its own writer when it has one, else
    /// through its `encode(to:)`.
    public mutating func value(_ key: StaticString, _ value: some Encodable) throws {
        self.key(key)
        try state.encodeValue(value, key: JSONPathKey(stringValue: key.description))
    }

    /// Writes an array member of `count` elements, each by `element` with its index (an index,
    /// not the element, so that nothing generic is left for the runtime to look up).
    public mutating func array(_ key: StaticString, count: Int, _ element: (inout JSONOutput, Int) throws -> Void) rethrows {
        self.key(key)
        state.bytes.append(UInt8(ascii: "["))
        for index in 0..<count {
            if index > 0 { state.bytes.append(UInt8(ascii: ",")) }
            try element(&self, index)
        }
        state.bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"key":`, after a comma unless it is the object's first member. Keys are written as
    /// they are: they must need no escape.
    private mutating func key(_ key: StaticString) {
        if hasMembers { state.bytes.append(UInt8(ascii: ",")) }
        hasMembers = true
        state.bytes.append(UInt8(ascii: "\""))
        state.bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        state.bytes.append(UInt8(ascii: "\""))
        state.bytes.append(UInt8(ascii: ":"))
    }
}
