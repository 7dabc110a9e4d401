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

    /// Runs `body` with `input` as the stream's input; zlib must not keep pointing at it after.
    static func feeding<T>(_ stream: UnsafeMutablePointer<z_stream>, _ input: [UInt8], _ body: () throws -> T) rethrows -> T {
        try input.withUnsafeBufferPointer { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = UInt32(source.count)
            return try body()
        }
    }

    /// Runs one zlib call (`deflate` or `inflate`) over `input`'s bytes, writing into `output`
    /// after its first `written` bytes, and returns the call's code; `written` then counts
    /// every byte filled. The input stays where zlib's next call finds it.
    static func step(
        _ stream: UnsafeMutablePointer<z_stream>, into output: inout [UInt8], written: inout Int,
        _ call: (UnsafeMutablePointer<z_stream>) -> Int32
    ) -> Int32 {
        output.withUnsafeMutableBufferPointer { target in
            stream.pointee.next_out = target.baseAddress! + written
            stream.pointee.avail_out = UInt32(target.count - written)
            let code = call(stream)
            written = target.count - Int(stream.pointee.avail_out)
            return code
        }
    }

    /// Lets go of the buffers the last calls used, so the stream points at nothing that may
    /// move, and cuts `output` to the `written` bytes.
    static func finish(_ stream: UnsafeMutablePointer<z_stream>, output: inout [UInt8], written: Int) {
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        output.removeLast(output.count - written)
    }
}
