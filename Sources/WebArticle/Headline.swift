/// Picks and cleans the article's headline.
enum Headline {
    /// Separators sites put between a headline and their name in `<title>`.
    static let siteSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "]

    /// `title` without a trailing (or leading) site name: the longest part around a separator,
    /// or the title itself when it has none.
    static func stripSiteName(_ title: String, siteName: String?) -> String {
        for separator in siteSeparators where title.contains(separator) {
            let parts = title.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            if let siteName, let last = parts.last, last.lowercased() == siteName.lowercased() {
                return parts.dropLast().joined(separator: separator)
            }
            if let siteName, let first = parts.first, first.lowercased() == siteName.lowercased() {
                return parts.dropFirst().joined(separator: separator)
            }
            if let last = parts.last, last.count < 40, parts.count > 1 {
                return parts.dropLast().joined(separator: separator)
            }
        }
        return title
    }
}
