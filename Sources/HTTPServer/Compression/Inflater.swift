import CZlib

/// Decompresses gzip or zlib (`deflate`) streams.
///
/// One instance holds one zlib stream and can decompress many buffers in turn; it is not
/// thread-safe. `maxOutputBytes` bounds what a small hostile input can expand to.
///
/// ```swift
/// let original = try Inflater.decompress(gzipped, format: .gzip)
/// ```
public final class Inflater {
    /// The framing expected in the input.
    public let format: CompressionFormat
    // Allocated once: zlib's internal state points back at the stream, so it must not move.
    private let stream: UnsafeMutablePointer<z_stream>

    /// Opens a zlib stream for the given framing.
    public init(format: CompressionFormat) throws {
        self.format = format
        stream = try ZlibStream.open("inflateInit2") { dateline_inflateInit2($0, format.windowBits) }
    }

    deinit {
        inflateEnd(stream)
        ZlibStream.release(stream)
    }

    /// Decompresses one complete stream; for gzip, concatenated members are decompressed in turn.
    ///
    /// Throws `ZlibError` for corrupt data (`Z_DATA_ERROR`), input that ends early or carries
    /// bytes after the stream (`Z_BUF_ERROR`/`Z_DATA_ERROR`), or output past `maxOutputBytes`.
    public func decompress(_ input: [UInt8], maxOutputBytes: Int = Int.max) throws -> [UInt8] {
        precondition(input.count <= Int(UInt32.max), "input too large for one zlib call")
        precondition(maxOutputBytes >= 0, "the output limit must not be negative")
        defer { inflateReset(stream) }
        // One byte past the limit is room enough to notice the limit was passed.
        let capacityLimit = maxOutputBytes < Int.max ? maxOutputBytes + 1 : Int.max
        var output = [UInt8](repeating: 0, count: min(max(input.count * 4, 256), capacityLimit))
        var written = 0
        try ZlibStream.feeding(stream, input) {
            while true {
                if written == output.count {
                    guard written <= maxOutputBytes else {
                        throw ZlibError(
                            operation: "inflate", code: Z_BUF_ERROR,
                            message: "output exceeds \(maxOutputBytes) bytes")
                    }
                    let grown = output.count > capacityLimit / 2 ? capacityLimit : output.count * 2
                    output.append(contentsOf: repeatElement(0, count: max(grown - output.count, 1)))
                }
                let code = ZlibStream.step(stream, into: &output, written: &written) { inflate($0, Z_NO_FLUSH) }
                let inputLeft = stream.pointee.avail_in
                let outputLeft = stream.pointee.avail_out
                switch code {
                case Z_STREAM_END:
                    if inputLeft == 0 { return }
                    guard format == .gzip else {
                        throw ZlibError(
                            operation: "inflate", code: Z_DATA_ERROR,
                            message: "\(inputLeft) bytes after the end of the stream")
                    }
                    inflateReset(stream)
                case Z_OK, Z_BUF_ERROR:
                    if inputLeft == 0 && outputLeft > 0 {
                        throw ZlibError(
                            operation: "inflate", code: Z_BUF_ERROR,
                            message: "input ended before the end of the stream")
                    }
                default:
                    throw ZlibError(operation: "inflate", code: code, stream: stream)
                }
            }
        }
        ZlibStream.finish(stream, output: &output, written: written)
        guard written <= maxOutputBytes else {
            throw ZlibError(operation: "inflate", code: Z_BUF_ERROR, message: "output exceeds \(maxOutputBytes) bytes")
        }
        return output
    }

    /// Decompresses `bytes` in one call with a stream opened and closed for it.
    public static func decompress(
        _ bytes: [UInt8], format: CompressionFormat,
        maxOutputBytes: Int = Int.max
    ) throws -> [UInt8] {
        try Inflater(format: format).decompress(bytes, maxOutputBytes: maxOutputBytes)
    }
}
