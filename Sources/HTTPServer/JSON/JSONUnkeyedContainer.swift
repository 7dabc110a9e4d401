/// The unkeyed container of ``CompactJSONEncoder``: writes elements into the array of `frame`.
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let state: JSONEncodingState
    let frame: Int

    var codingPath: [any CodingKey] { state.codingPath(upTo: frame) }

    var count: Int { frame < state.frames.count ? state.frames[frame].count : 0 }

    mutating func encodeNil() throws {
        state.encodeElement(in: frame) { state.writeNull() }
    }

    mutating func encode(_ value: Bool) throws {
        state.encodeElement(in: frame) { state.writeBool(value) }
    }

    mutating func encode(_ value: String) throws {
        state.encodeElement(in: frame) { state.writeString(value) }
    }

    mutating func encode(_ value: Double) throws {
        let index = count
        try state.encodeElement(in: frame) {
            try state.writeDouble(value, codingPath: state.codingPath(appending: .index(index)))
        }
    }

    mutating func encode(_ value: Float) throws {
        let index = count
        try state.encodeElement(in: frame) {
            try state.writeFloat(value, codingPath: state.codingPath(appending: .index(index)))
        }
    }

    mutating func encode(_ value: Int) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int8) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int16) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int32) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int64) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int128) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt8) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt16) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt32) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt64) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt128) throws {
        state.encodeElement(in: frame) { state.writeInteger(value) }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        try state.encodeElement(in: frame) { try state.encodeValue(value, key: .index(index)) }
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
