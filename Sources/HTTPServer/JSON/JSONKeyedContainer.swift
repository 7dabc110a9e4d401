/// The keyed container of ``CompactJSONEncoder``: writes members into the object of `frame`.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let state: JSONEncodingState
    let frame: Int

    var codingPath: [any CodingKey] { state.codingPath(upTo: frame) }

    mutating func encodeNil(forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeNull() }
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeBool(value) }
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeString(value) }
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        try state.encodeMember(in: frame, key: key.stringValue) {
            try state.writeDouble(value, codingPath: state.codingPath(appending: pathKey(key)))
        }
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        try state.encodeMember(in: frame, key: key.stringValue) {
            try state.writeFloat(value, codingPath: state.codingPath(appending: pathKey(key)))
        }
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int16, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int128, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt128, forKey key: Key) throws {
        state.encodeMember(in: frame, key: key.stringValue) { state.writeInteger(value) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let name = key.stringValue
        try state.encodeMember(in: frame, key: name) {
            try state.encodeValue(value, key: JSONPathKey(name: name, intValue: key.intValue))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = state.memberChild(in: frame, key: pathKey(key), kind: .keyed)
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(state: child, frame: 0))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONUnkeyedContainer(state: state.memberChild(in: frame, key: pathKey(key), kind: .unkeyed), frame: 0)
    }

    mutating func superEncoder() -> any Encoder {
        state.memberChild(in: frame, key: .super, kind: .empty)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        state.memberChild(in: frame, key: pathKey(key), kind: .empty)
    }

    private func pathKey(_ key: Key) -> JSONPathKey {
        JSONPathKey(name: key.stringValue, intValue: key.intValue)
    }
}
