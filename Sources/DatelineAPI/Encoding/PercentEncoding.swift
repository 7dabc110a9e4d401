/// Percent-encoding for the URLs the API writes (`Link`, `Location`).
enum PercentEncoding {
    /// Encodes everything but RFC 3986 unreserved characters (and `/` when `keepSlash`).
    static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out += "/"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// `path?name=value&...`, each part encoded.
    static func url(path: String, query: [(String, String)]) -> String {
        let encodedPath = encode(path, keepSlash: true)
        guard !query.isEmpty else { return encodedPath }
        return encodedPath + "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
