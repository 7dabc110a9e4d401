public import HTTPServer

/// Reads a query string the way a browser's form encoding means it, independently of the
/// server's own parser: `&` between items, the first `=` between name and value, `+` as a space,
/// `%XX` as a byte. A malformed escape stays as written and bytes that are not UTF-8 become
/// U+FFFD, so every input reaches the routes as some query.
public enum FormDecoding {
    public static func items<Bytes: Collection<UInt8>>(_ query: Bytes) -> [QueryItem] {
        query.split(separator: UInt8(ascii: "&")).map { piece in
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                return QueryItem(name: decode(piece[..<equals]), value: decode(piece[piece.index(after: equals)...]))
            }
            return QueryItem(name: decode(piece), value: "")
        }
    }

    /// One name or value, percent-decoded, `+` read as a space.
    public static func decode<Bytes: Collection<UInt8>>(_ text: Bytes) -> String {
        let bytes = Array(text)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hexValue(bytes[index + 1]),
                let low = hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
