import CZlib

/// The allocation and release of a `z_stream`, shared by ``Deflater`` and ``Inflater``.
enum ZlibStream {
    /// A stream at a fixed address (zlib's state points back at it), initialised by `initialise`;
    /// released again and the error thrown when zlib refuses.
    static func open(
        _ operation: String,
        _ initialise: (UnsafeMutablePointer<z_stream>) -> Int32
    ) throws -> UnsafeMutablePointer<z_stream> {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = initialise(stream)
        guard code == Z_OK else {
            let error = ZlibError(operation: operation, code: code, stream: stream)
            release(stream)
            throw error
        }
        return stream
    }

    /// Frees a stream after its end call (`deflateEnd` or `inflateEnd`).
    static func release(_ stream: UnsafeMutablePointer<z_stream>) {
        stream.deinitialize(count: 1)
        stream.deallocate()
    }
}
