/// Base64 with the URL-safe alphabet and no padding (RFC 4648, section 5), for cursors.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let values: [UInt8: UInt32] = {
        var table: [UInt8: UInt32] = [:]
        for (index, byte) in alphabet.enumerated() { table[byte] = UInt32(index) }
        return table
    }()

    static func encode(_ text: String) -> String {
        let bytes = Array(text.utf8)
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

    /// The decoded UTF-8 text, or nil when the input is not base64url or not UTF-8.
    static func decode(_ text: String) -> String? {
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
            for offset in 0..<(end - index - 1) {
                out.append(UInt8((group >> (16 - 8 * offset)) & 0xFF))
            }
            index += 4
        }
        return String(validating: out, as: UTF8.self)
    }
}
