/// Base64 with the URL-safe alphabet (`-` and `_`) and no padding (RFC 4648, section 5).
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let values: [UInt8: UInt32] = {
        var table: [UInt8: UInt32] = [:]
        for (index, byte) in alphabet.enumerated() { table[byte] = UInt32(index) }
        return table
    }()

    /// The bytes in base64url, unpadded.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = min(3, bytes.count - index)
            var group: UInt32 = 0
            for offset in 0..<3 {
                group <<= 8
                if offset < remaining { group |= UInt32(bytes[index + offset]) }
            }
            for offset in 0...remaining {
                out.append(alphabet[Int((group >> (18 - 6 * offset)) & 63)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes, or nil when the text holds a character outside the alphabet, padding, or a
    /// length no encoding produces.
    /// The bytes of base64url text; nil when it is not base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 4 != 1 else { return nil }
        var out: [UInt8] = []
        var index = 0
        while index < chars.count {
            let end = min(index + 4, chars.count)
            var group: UInt32 = 0
            for offset in 0..<4 {
                group <<= 6
                if index + offset < end {
                    guard let value = values[chars[index + offset]] else { return nil }
                    group |= value
                }
            }
            let byteCount = end - index - 1
            for offset in 0..<byteCount {
                out.append(UInt8((group >> (16 - 8 * offset)) & 0xFF))
            }
            index += 4
        }
        return out
    }
}
