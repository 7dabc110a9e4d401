/// Appends what a number's `write(to:)` writes to an encoder's bytes, with no `String` between.
struct JSONByteSink: TextOutputStream {
    let state: JSONEncodingState

    mutating func write(_ string: String) {
        state.bytes.append(contentsOf: string.utf8)
    }

    /// What `Double` and `Float` call with their digits, from a buffer on the stack.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        state.bytes.append(contentsOf: buffer)
    }
}
