/// A zlib-backed content coding (RFC 9110 section 8.4.1).
public enum CompressionFormat: String, Sendable, Hashable, CaseIterable {
    /// The `gzip` coding: a deflate stream in gzip framing (RFC 1952).
    case gzip
    /// The `deflate` coding, which HTTP defines as the zlib format (RFC 1950), not raw deflate.
    case deflate

    /// The token used in `Accept-Encoding` and `Content-Encoding`.
    public var contentCoding: String { rawValue }

    /// zlib's default trade-off between speed and size.
    public static let defaultLevel = 6

    /// The `windowBits` argument zlib expects: 15 for a 32 KiB window, plus 16 for gzip framing.
    var windowBits: Int32 {
        switch self {
        case .gzip: 15 + 16
        case .deflate: 15
        }
    }
}
