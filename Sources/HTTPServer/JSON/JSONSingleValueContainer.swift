/// The single-value container of ``CompactJSONEncoder``: writes the one value of `frame`.
struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let state: JSONEncodingState
    let frame: Int

    var codingPath: [any CodingKey] { state.codingPath(upTo: frame) }

    mutating func encodeNil() throws {
        state.encodeSingle(in: frame) { state.writeNull() }
    }

    mutating func encode(_ value: Bool) throws {
        state.encodeSingle(in: frame) { state.writeBool(value) }
    }

    mutating func encode(_ value: String) throws {
        state.encodeSingle(in: frame) { state.writeString(value) }
    }

    mutating func encode(_ value: Double) throws {
        try state.encodeSingle(in: frame) { try state.writeDouble(value, codingPath: codingPath) }
    }

    mutating func encode(_ value: Float) throws {
        try state.encodeSingle(in: frame) { try state.writeFloat(value, codingPath: codingPath) }
    }

    mutating func encode(_ value: Int) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int8) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int16) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int32) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int64) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: Int128) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt8) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt16) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt32) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt64) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt128) throws {
        state.encodeSingle(in: frame) { state.writeInteger(value) }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try state.encodeSingle(in: frame) { try state.encodeValue(value, key: nil) }
    }
}
