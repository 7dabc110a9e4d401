extension RequestParser {
    /// Percent-decoding (RFC 3986 section 2.1) of target components into UTF-8 text.
    enum PercentDecoding {
        /// The decoded text, or nil when a `%` is not followed by two hex digits or the decoded
        /// bytes are not valid UTF-8. With `plusAsSpace`, `+` decodes to a space (form encoding).
        static func decode(_ bytes: ArraySlice<UInt8>, plusAsSpace: Bool = false) -> String? {
            var needsDecoding = false
            var isASCII = true
            for byte in bytes {
                needsDecoding = needsDecoding || byte == Syntax.percent || (plusAsSpace && byte == Syntax.plus)
                isASCII = isASCII && byte < 0x80
            }
            guard needsDecoding else {
                return text(bytes, isASCII: isASCII)
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
                    let value = UInt8(high << 4 | low)
                    decoded.append(value)
                    isASCII = isASCII && value < 0x80
                    index += 3
                } else {
                    decoded.append(plusAsSpace && byte == Syntax.plus ? Syntax.space : byte)
                    index += 1
                }
            }
            return text(decoded[...], isASCII: isASCII)
        }

        /// ASCII needs no validation; anything else must be well-formed UTF-8.
        private static func text(_ bytes: ArraySlice<UInt8>, isASCII: Bool) -> String? {
            isASCII ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
        }
    }
}
