/// The single-value container of ``CompactJSONEncoder``: writes the one value of `frame`.
struct JSONSingleValueContainer: SingleValueEncodingContainer, JSONValueSlot {
    let state: JSONEncodingState
    let frame: Int

    var codingPath: [any CodingKey] { state.codingPath(upTo: frame) }

    func write(_ body: () throws -> Void) rethrows {
        try state.encodeSingle(in: frame, body)
    }

    mutating func encode(_ value: Int128) throws {
        write { state.writeInteger(value) }
    }

    mutating func encode(_ value: UInt128) throws {
        write { state.writeInteger(value) }
    }

    mutating func encode(_ value: Double) throws {
        try write { try state.writeDouble(value, codingPath: codingPath) }
    }

    mutating func encode(_ value: Float) throws {
        try write { try state.writeFloat(value, codingPath: codingPath) }
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try write { try state.encodeValue(value, key: nil) }
    }
}
