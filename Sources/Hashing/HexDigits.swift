/// How the hashes here are written out: a 64-bit value as exactly 16 lowercase hex digits,
/// leading zeros kept (the server's entity tags and the journal's checksums both).
public enum HexDigits {
    /// Appends the 16 digits of `value` to `output`, as ASCII.
    public static func append(_ value: UInt64, to output: inout [UInt8]) {
        for position in 0..<16 { output.append(digit(position, of: value)) }
    }

    /// Writes the 16 digits of `value` over those of `output` from `offset` on.
    public static func write(_ value: UInt64, into output: inout [UInt8], at offset: Int) {
        for position in 0..<16 { output[offset + position] = digit(position, of: value) }
    }

    /// The 16 digits of `value`.
    public static func string(_ value: UInt64) -> String {
        // Written straight into the string's storage: no array of digits first.
        String(unsafeUninitializedCapacity: 16) { output in
            for position in 0..<16 { output[position] = digit(position, of: value) }
            return 16
        }
    }

    /// The ASCII digit at `position` of the 16 (0 the most significant).
    private static func digit(_ position: Int, of value: UInt64) -> UInt8 {
        digits[Int(value >> UInt64(60 - 4 * position) & 0xF)]
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
