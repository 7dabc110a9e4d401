/// Helpers for comma-separated header field values (RFC 9110 section 5.6.1).
enum HeaderList {
    /// The non-empty members of a list, trimmed of optional whitespace.
    static func elements(_ value: some StringProtocol) -> [Substring] {
        Substring(value).split(separator: ",").map(trim).filter { !$0.isEmpty }
    }

    /// The text without leading and trailing spaces and tabs.
    static func trim(_ text: Substring) -> Substring {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isOWS($0) }) else { return text[text.endIndex...] }
        let end = text.lastIndex(where: { !isOWS($0) })!
        return text[start...end]
    }

    /// Whether the list contains `token`, compared without regard to case.
    static func contains(_ value: some StringProtocol, token: String) -> Bool {
        elements(value).contains { sameToken($0, token) }
    }

    /// Whether two tokens are equal without regard to ASCII case (RFC 9110 compares field names
    /// and most tokens so), without making lowercased copies.
    static func sameToken(_ first: some StringProtocol, _ second: some StringProtocol) -> Bool {
        RequestParser.Syntax.equalsIgnoringCase(first.utf8, second)
    }
}
