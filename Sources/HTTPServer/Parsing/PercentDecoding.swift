extension RequestParser {
    /// Percent-decoding (RFC 3986 section 2.1) of target components into UTF-8 text.
    enum PercentDecoding {
        /// The decoded text, or nil when a `%` is not followed by two hex digits or the decoded
        /// bytes are not valid UTF-8. With `plusAsSpace`, `+` decodes to a space (form encoding).
        static func decode(_ bytes: ArraySlice<UInt8>, plusAsSpace: Bool = false) -> String? {
            let needsDecoding = bytes.contains { $0 == Syntax.percent || (plusAsSpace && $0 == Syntax.plus) }
            guard needsDecoding else {
                return String(validating: bytes, as: UTF8.self)
            }
            var decoded: [UInt8] = []
            decoded.reserveCapacity(bytes.count)
            var index = bytes.startIndex
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == Syntax.percent {
                    guard index + 2 < bytes.endIndex,
                          let high = Syntax.hexValue(bytes[index + 1]),
                          let low = Syntax.hexValue(bytes[index + 2])
                    else { return nil }
                    decoded.append(UInt8(high << 4 | low))
                    index += 3
                } else {
                    decoded.append(plusAsSpace && byte == Syntax.plus ? Syntax.space : byte)
                    index += 1
                }
            }
            return String(validating: decoded, as: UTF8.self)
        }
    }
}
