/// How the hashes here are written out: a 64-bit value as exactly 16 lowercase hex digits,
/// leading zeros kept (the server's entity tags and the journal's checksums both).
public enum HexDigits {
    /// Appends the 16 digits of `value` to `output`, as ASCII.
    public static func append(_ value: UInt64, to output: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            output.append(digits[Int(value >> UInt64(shift) & 0xF)])
        }
    }

    /// Writes the 16 digits of `value` over those of `output` from `offset` on.
    public static func write(_ value: UInt64, into output: inout [UInt8], at offset: Int) {
        for (position, shift) in stride(from: 60, through: 0, by: -4).enumerated() {
            output[offset + position] = digits[Int(value >> UInt64(shift) & 0xF)]
        }
    }

    /// The 16 digits of `value`.
    public static func string(_ value: UInt64) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(16)
        append(value, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
