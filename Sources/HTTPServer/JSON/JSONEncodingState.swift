/// What one ``CompactJSONEncoder`` call has written so far, and the values under way: the
/// `Encoder` every value is handed.
///
/// Values are written straight into `bytes`. Each value under way is a ``Frame`` on a stack:
/// an object's members are written in the order they come and recorded as ``Member``s, and put
/// in key order when the object closes (its value's `encode(to:)` returned). Nested containers
/// and super encoders, which may be written to in any order, get a state of their own (a
/// child), whose bytes are spliced in when the object or array that holds them closes.
final class JSONEncodingState: Encoder {
    /// A value under way.
    struct Frame {
        enum Kind {
            /// Nothing written yet.
            case empty
            /// A single value written.
            case single
            /// An object: `{` and its members so far.
            case keyed
            /// An array: `[` and its elements so far.
            case unkeyed
        }

        var kind = Kind.empty
        /// The first byte after `{` or `[`.
        var start = 0
        /// Members or elements written.
        var count = 0
        /// Where its members, children and insertions begin in the state's lists.
        var memberBase: Int
        var childBase: Int
        var insertionBase: Int
        /// Whether a member's key needed escapes, so that keys must be unescaped to be sorted.
        var keysEscaped = false
        /// The key it is encoded under, for the coding path; nil for a top-level or single value.
        var key: JSONPathKey?
    }

    /// One member of an open object, as byte offsets: `"key"` is `keyStart..<keyEnd`, and the
    /// member with its `:` and value ends at `end`. The value of a member whose `child` is not
    /// negative is that child's, and not yet written.
    struct Member {
        var keyStart: Int
        var keyEnd: Int
        var end: Int
        var child: Int
    }

    /// A child's place in an open array.
    struct Insertion {
        var offset: Int
        var child: Int
    }

    /// What a failed member or element restores, so that a caught error leaves no trace.
    struct Checkpoint {
        var bytes: Int
        var frames: Int
        var members: Int
        var children: Int
        var insertions: Int
        var openContainers: Int
        var tooDeep: Bool
    }

    /// Containers nested this deep make Foundation's writer throw.
    static let nestingLimit = 512

    // The state is used by one thread, and no access to a property below is under way while
    // other code runs (a value's `encode(to:)`, a number's `write(to:)`): the runtime's
    // exclusivity checks, which took 40% of the time of encoding an `Event`, are left out.
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) var members: [Member] = []
    @exclusivity(unchecked) var children: [JSONEncodingState] = []
    @exclusivity(unchecked) var insertions: [Insertion] = []
    /// Reused to reorder objects and splice in children.
    @exclusivity(unchecked) var scratch: [UInt8] = []
    /// Objects and arrays open in this state.
    @exclusivity(unchecked) var openContainers = 0
    /// Containers open around this state (for a child).
    let baseDepth: Int
    /// Set when a container was opened at ``nestingLimit``: the top-level call throws.
    @exclusivity(unchecked) var tooDeep = false
    /// The coding path to this state (for a child).
    let basePath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any]

    init(userInfo: [CodingUserInfoKey: Any], baseDepth: Int = 0, basePath: [any CodingKey] = []) {
        self.userInfo = userInfo
        self.baseDepth = baseDepth
        self.basePath = basePath
    }

    // MARK: Encoder

    var codingPath: [any CodingKey] { codingPath(upTo: frames.count - 1) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONKeyedContainer<Key>(state: self, frame: openObject()))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(state: self, frame: openArray())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        precondition(!frames.isEmpty, "an encoder was used after its value was encoded")
        return JSONSingleValueContainer(state: self, frame: frames.count - 1)
    }

    // MARK: Values

    /// Encodes the value a top-level call was given.
    func encodeTopLevel<T: Encodable>(_ value: T) throws {
        try encodeValue(value, key: nil, topLevel: true)
        if tooDeep {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Unable to encode the given top-level value to JSON."))
        }
    }

    /// Writes `value`, encoded under `key`: simple values and arrays of them at once, a
    /// ``JSONSelfWriting`` value through its writer, anything else through its `encode(to:)` in a
    /// frame of its own.
    func encodeValue<T: Encodable>(_ value: T, key: JSONPathKey?, topLevel: Bool = false) throws {
        if T.self == String.self {
            writeString(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            writeInteger(unsafeBitCast(value, to: Int.self))
        } else if T.self == Double.self {
            try writeDouble(unsafeBitCast(value, to: Double.self), codingPath: codingPath(appending: key))
        } else if T.self == Bool.self {
            writeBool(unsafeBitCast(value, to: Bool.self))
        } else if T.self == [String].self {
            writeArray(unsafeBitCast(value, to: [String].self)) { writeString($1) }
        } else if T.self == [Int].self {
            writeArray(unsafeBitCast(value, to: [Int].self)) { writeInteger($1) }
        } else if T.self == [Double].self {
            try writeArray(unsafeBitCast(value, to: [Double].self)) { index, element in
                try writeDouble(element, codingPath: codingPath(appending: key) + [JSONPathKey.index(index)])
            }
        } else if let writing = T.self as? any JSONSelfWriting.Type {
            var output = JSONOutput(state: self)
            try writing.writeJSON(of: value, to: &output)
        } else {
            frames.append(
                Frame(memberBase: members.count, childBase: children.count, insertionBase: insertions.count, key: key))
            try value.encode(to: self)
            if topLevel, frames[frames.count - 1].kind == .empty {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
            }
            closeFrame()
        }
    }

    /// Writes an array of simple values, as its unkeyed container would.
    private func writeArray<Element>(_ elements: [Element], _ write: (Int, Element) throws -> Void) rethrows {
        if baseDepth + openContainers + 1 >= Self.nestingLimit { tooDeep = true }
        bytes.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            try write(index, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Closes the innermost frame: sorts an object, splices children into an array, writes
    /// `{}` for a value that wrote nothing.
    func closeFrame() {
        let frame = frames.removeLast()
        switch frame.kind {
        case .empty:
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "}"))
        case .single:
            break
        case .keyed:
            closeObject(frame)
            openContainers -= 1
        case .unkeyed:
            closeArray(frame)
            openContainers -= 1
        }
    }

    // MARK: Containers

    /// The innermost frame as an object, opening it if nothing was written yet.
    func openObject() -> Int {
        openContainer(.keyed, opening: UInt8(ascii: "{"), "keyed")
    }

    /// The innermost frame as an array, opening it if nothing was written yet.
    func openArray() -> Int {
        openContainer(.unkeyed, opening: UInt8(ascii: "["), "unkeyed")
    }

    private func openContainer(_ kind: Frame.Kind, opening: UInt8, _ name: String) -> Int {
        precondition(!frames.isEmpty, "an encoder was used after its value was encoded")
        let index = frames.count - 1
        if frames[index].kind == kind { return index }
        precondition(
            frames[index].kind == .empty, "Attempt to push new \(name) encoding container when already previously encoded at this path.")
        bytes.append(opening)
        frames[index].kind = kind
        frames[index].start = bytes.count
        frames[index].memberBase = members.count
        frames[index].childBase = children.count
        frames[index].insertionBase = insertions.count
        openContainers += 1
        if baseDepth + openContainers >= Self.nestingLimit { tooDeep = true }
        return index
    }

    /// Stops a container from writing into a frame other than the innermost, which would
    /// interleave values: a container kept past its value, or used while a value nested in it
    /// was being encoded.
    @inline(__always)
    func checkInnermost(_ frame: Int) {
        precondition(frame == frames.count - 1, "an encoding container was used outside the value it belongs to")
    }

    /// Writes one member of object `frame`: `write` writes the value after the key.
    @inline(__always)
    func encodeMember(in frame: Int, key: String, _ write: () throws -> Void) rethrows {
        checkInnermost(frame)
        try undoingOnError {
            if frames[frame].count > 0 { bytes.append(UInt8(ascii: ",")) }
            let keyStart = bytes.count
            let escaped = writeString(key)
            let keyEnd = bytes.count
            bytes.append(UInt8(ascii: ":"))
            try write()
            members.append(Member(keyStart: keyStart, keyEnd: keyEnd, end: bytes.count, child: -1))
            frames[frame].count += 1
            if escaped { frames[frame].keysEscaped = true }
        }
    }

    /// Writes one element of array `frame`.
    @inline(__always)
    func encodeElement(in frame: Int, _ write: () throws -> Void) rethrows {
        checkInnermost(frame)
        try undoingOnError {
            if frames[frame].count > 0 { bytes.append(UInt8(ascii: ",")) }
            try write()
            frames[frame].count += 1
        }
    }

    /// Writes the single value of `frame`.
    @inline(__always)
    func encodeSingle(in frame: Int, _ write: () throws -> Void) rethrows {
        checkInnermost(frame)
        precondition(
            frames[frame].kind == .empty, "Attempt to encode value through single value container when previously value already encoded.")
        try undoingOnError {
            try write()
            frames[frame].kind = .single
        }
    }

    /// Runs `body`; if it throws, everything it wrote is taken back first, so that a caller who
    /// catches the error (`try?` inside `encode(to:)`) finds the output as it was.
    @inline(__always)
    private func undoingOnError(_ body: () throws -> Void) rethrows {
        let saved = checkpoint()
        do {
            try body()
        } catch {
            restore(saved)
            throw error
        }
    }

    private func checkpoint() -> Checkpoint {
        Checkpoint(
            bytes: bytes.count, frames: frames.count, members: members.count, children: children.count,
            insertions: insertions.count, openContainers: openContainers, tooDeep: tooDeep)
    }

    private func restore(_ saved: Checkpoint) {
        bytes.removeSubrange(saved.bytes...)
        frames.removeSubrange(saved.frames...)
        members.removeSubrange(saved.members...)
        children.removeSubrange(saved.children...)
        insertions.removeSubrange(saved.insertions...)
        openContainers = saved.openContainers
        tooDeep = saved.tooDeep
    }

    // MARK: Coding paths

    /// The coding path of the value of `frame`.
    func codingPath(upTo frame: Int) -> [any CodingKey] {
        var path = basePath
        let last = min(frame, frames.count - 1)
        if last >= 0 {
            for index in 0...last {
                if let key = frames[index].key { path.append(key) }
            }
        }
        return path
    }

    /// The coding path of a value of the innermost frame encoded under `key`.
    func codingPath(appending key: JSONPathKey?) -> [any CodingKey] {
        var path = codingPath(upTo: frames.count - 1)
        if let key { path.append(key) }
        return path
    }
}
