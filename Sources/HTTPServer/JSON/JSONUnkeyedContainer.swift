/// The unkeyed container of ``CompactJSONEncoder``: writes elements into the array of `frame`.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer, JSONValueSlot {
    let state: JSONEncodingState
    let frame: Int

    var codingPath: [any CodingKey] { state.codingPath(upTo: frame) }

    func write(_ body: () throws -> Void) rethrows {
        try state.encodeElement(in: frame, body)
    }

    var count: Int { frame < state.frames.count ? state.frames[frame].count : 0 }

    mutating func encode(_ value: Int128) throws {
        write { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt128) throws {
        write { state.writeInteger(value) }
    }

    mutating func encode(_ value: Double) throws {
        let index = count
        try write {
            try state.writeDouble(value, codingPath: state.codingPath(appending: .index(index)))
        }
    }

    mutating func encode(_ value: Float) throws {
        let index = count
        try write {
            try state.writeFloat(value, codingPath: state.codingPath(appending: .index(index)))
        }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try write { try state.encodeValue(value, key: .index(index)) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(state: state.elementChild(in: frame, kind: .keyed), frame: 0))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(state: state.elementChild(in: frame, kind: .unkeyed), frame: 0)
    }

    mutating func superEncoder() -> any Encoder {
        state.elementChild(in: frame, kind: .empty)
    }
}
