import CZlib

/// A failure reported by zlib, or a stream that zlib could not finish.
public struct ZlibError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was being done: `deflateInit2`, `inflate`, ...
    public var operation: String
    /// zlib's return code (`Z_DATA_ERROR` is -3, `Z_MEM_ERROR` -4, `Z_BUF_ERROR` -5, ...).
    public var code: Int32
    /// zlib's message when it gave one, otherwise a description of the code.
    public var message: String

    public init(operation: String, code: Int32, message: String) {
        self.operation = operation
        self.code = code
        self.message = message
    }

    public var description: String { "\(operation) failed (\(code)): \(message)" }

    /// The error for `code`, taking the stream's `msg` when zlib set one.
    init(operation: String, code: Int32, stream: UnsafeMutablePointer<z_stream>) {
        let text = stream.pointee.msg.map { String(cString: $0) } ?? String(cString: zError(code))
        self.init(operation: operation, code: code, message: text)
    }
}
