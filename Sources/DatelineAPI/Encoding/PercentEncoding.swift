/// Percent-encoding for the URLs the API writes (`Link`, `Location`).
enum PercentEncoding {
    /// Encodes everything but RFC 3986 unreserved characters (and `/` when `keepSlash`).
    static func encode(_ text: String, keepSlash: Bool = false) -> String {
        // Most text (ids, slugs, paths) has nothing to encode: it is its own encoding.
        if text.utf8.allSatisfy({ keeps($0, keepSlash: keepSlash) }) { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keeps(byte, keepSlash: keepSlash) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `byte` stands for itself: an unreserved character, or `/` when slashes are kept.
    private static func keeps(_ byte: UInt8, keepSlash: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        case UInt8(ascii: "/"): keepSlash
        default: false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `path?name=value&...`, each part encoded.
    static func url(path: String, query: [(String, String)]) -> String {
        let encodedPath = encode(path, keepSlash: true)
        guard !query.isEmpty else { return encodedPath }
        return encodedPath + "?" + query.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
