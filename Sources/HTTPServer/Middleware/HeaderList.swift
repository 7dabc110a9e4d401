/// Helpers for comma-separated header field values (RFC 9110 section 5.6.1).
enum HeaderList {
    /// The non-empty members of a list, trimmed of optional whitespace.
    static func elements(_ value: some StringProtocol) -> [Substring] {
        let text = Substring(value)
        var elements: [Substring] = []
        var start = text.utf8.startIndex
        while true {
            let end = text.utf8[start...].firstIndex(of: UInt8(ascii: ",")) ?? text.utf8.endIndex
            let element = trim(text[start..<end])
            if !element.isEmpty { elements.append(element) }
            guard end < text.utf8.endIndex else { return elements }
            start = text.utf8.index(after: end)
        }
    }

    /// The text without leading and trailing spaces and tabs, read as bytes: optional whitespace
    /// is octets (RFC 9110 section 5.6.3).
    static func trim(_ text: Substring) -> Substring {
        let bytes = text.utf8
        let isOWS: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let start = bytes.firstIndex(where: { !isOWS($0) }) else { return text[text.endIndex...] }
        let last = bytes.lastIndex(where: { !isOWS($0) })!
        return text[start..<bytes.index(after: last)]
    }

    /// Whether two tokens are equal without regard to ASCII case (RFC 9110 compares field names
    /// and most tokens so), without making lowercased copies.
    static func sameToken(_ first: some StringProtocol, _ second: some StringProtocol) -> Bool {
        RequestParser.Syntax.equalsIgnoringCase(first.utf8, second)
    }
}
