import CZlib

/// Compresses bytes with zlib in gzip or zlib (`deflate`) framing.
///
/// One instance holds one zlib stream and can compress many buffers in turn; it is not
/// thread-safe, so keep it on one thread or make one per use.
///
/// ```swift
/// let gzipped = try Deflater.compress(Array("hello".utf8), format: .gzip)
/// ```
public final class Deflater {
    /// The framing of the output.
    public let format: CompressionFormat
    /// The zlib level, 0 (store) to 9 (smallest), or -1 for zlib's default.
    public let level: Int
    // Allocated once: zlib's internal state points back at the stream, so it must not move.
    private let stream: UnsafeMutablePointer<z_stream>

    /// Opens a zlib stream for the given framing and level.
    public init(format: CompressionFormat, level: Int = CompressionFormat.defaultLevel) throws {
        precondition((-1...9).contains(level), "zlib levels run from -1 to 9")
        self.format = format
        self.level = level
        stream = try ZlibStream.open("deflateInit2") { dateline_deflateInit2($0, Int32(level), format.windowBits) }
    }

    deinit {
        deflateEnd(stream)
        ZlibStream.release(stream)
    }

    /// Compresses `input` as one complete stream (header, data, trailer).
    public func compress(_ input: [UInt8]) throws -> [UInt8] {
        precondition(input.count <= Int(UInt32.max), "input too large for one zlib call")
        defer { deflateReset(stream) }
        // deflateBound is enough for one Z_FINISH call; the loop only guards against surprises.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))))
        var written = 0
        try ZlibStream.feeding(stream, input) {
            while true {
                if written == output.count {
                    output.append(contentsOf: repeatElement(0, count: max(output.count, 64)))
                }
                let code = ZlibStream.step(stream, into: &output, written: &written) { deflate($0, Z_FINISH) }
                if code == Z_STREAM_END { break }
                guard code == Z_OK || code == Z_BUF_ERROR else {
                    throw ZlibError(operation: "deflate", code: code, stream: stream)
                }
            }
        }
        ZlibStream.finish(stream, output: &output, written: written)
        return output
    }

    /// Compresses `bytes` in one call with a stream opened and closed for it.
    public static func compress(
        _ bytes: [UInt8], format: CompressionFormat,
        level: Int = CompressionFormat.defaultLevel
    ) throws -> [UInt8] {
        try Deflater(format: format, level: level).compress(bytes)
    }
}
