/// What the single-value and unkeyed containers of ``CompactJSONEncoder`` share: each writes one
/// value at a time into its frame through ``write(_:)``, so null, booleans, strings and integers
/// are written the same way by both. (`Int128` and `UInt128` stay with each container: the
/// standard library's own defaults for them would make a second candidate here.)
protocol JSONValueSlot {
    var state: JSONEncodingState { get }

    /// Writes one value into the container's frame with `body`, taking it back if `body` throws.
    func write(_ body: () throws -> Void) rethrows
}

extension JSONValueSlot {
    mutating func encodeNil() throws { write { state.writeNull() } }
    mutating func encode(_ value: Bool) throws { write { state.writeBool(value) } }
    mutating func encode(_ value: String) throws { write { state.writeString(value) } }
    mutating func encode(_ value: Int) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: Int8) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: Int16) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: Int32) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: Int64) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: UInt) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: UInt8) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: UInt16) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: UInt32) throws { write { state.writeInteger(value) } }
    mutating func encode(_ value: UInt64) throws { write { state.writeInteger(value) } }
}
