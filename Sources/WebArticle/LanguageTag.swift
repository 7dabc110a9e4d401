/// BCP 47 language tags from the spellings pages use (`en_US`, `EN-us`, `en-US,en`).
enum LanguageTag {
    /// The normalized tag (`en-US`), or nil when `value` does not look like one.
    static func normalize(_ value: String) -> String? {
        let first = value.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).first.map(String.init) ?? ""
        let parts = first.replacingUnderscores().split(separator: "-").map(String.init)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        var tag = [language.lowercased()]
        for part in parts.dropFirst() where !part.isEmpty && part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            switch part.count {
            case 2: tag.append(part.uppercased())
            case 4: tag.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            default: tag.append(part.lowercased())
            }
        }
        return tag.joined(separator: "-")
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
