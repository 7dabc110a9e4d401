/// Percent-encoding for the URLs the API writes (`Link`, `Location`).
enum PercentEncoding {
    /// Encodes everything but RFC 3986 unreserved characters (and `/` when `keepSlash`).
    static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where keepSlash:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `path?name=value&...`, each part encoded.
    static func url(path: String, query: [(String, String)]) -> String {
        let encodedPath = encode(path, keepSlash: true)
        guard !query.isEmpty else { return encodedPath }
        return encodedPath + "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
