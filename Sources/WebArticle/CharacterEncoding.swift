/// Chooses the encoding to parse a page with when the caller does not know it.
enum CharacterEncoding {
    /// "UTF-8" when the page declares no charset in its first bytes and is valid UTF-8 (libxml2
    /// would otherwise fall back to Latin-1); nil to let libxml2 follow the page's declaration.
    static func sniff(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        if head.contains("charset") || head.hasPrefix("<?xml") && head.contains("encoding=") { return nil }
        return String(validating: bytes, as: UTF8.self) != nil ? "UTF-8" : nil
    }
}
