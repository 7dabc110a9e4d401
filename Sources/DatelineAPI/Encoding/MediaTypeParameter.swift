/// Reads the parameters of a media type as `Content-Type` writes them
/// (`text/html; charset="ISO-8859-1"`).
enum MediaTypeParameter {
    /// The value of the parameter `name` (matched without regard to case), quotes removed;
    /// nil when the value has no such parameter.
    static func value(_ name: String, in mediaType: String) -> String? {
        for parameter in mediaType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace }
            if pair.count == 2, pair[0].lowercased() == name.lowercased() {
                return pair[1].count >= 2 && pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"")
                    ? String(pair[1].dropFirst().dropLast()) : pair[1]
            }
        }
        return nil
    }
}
