import Extraction
import HTTPServer
import NewsModel

extension ArticleInput {
    static let writeFields: Set<String> = ["title", "body", "publishedAt", "source", "language"]

    /// Reads and checks the body of `POST /articles`:
    /// `{title, body, publishedAt (YYYY-MM-DD), source: {name, url?}, language?}`.
    static func read(_ body: JSONValue) throws(HTTPError) -> ArticleInput {
        var validator = FieldValidator()
        guard let object = validator.object(body, "") else {
            try validator.check()
            preconditionFailure("a missing object is an error")
        }
        validator.onlyKnown(object, writeFields)
        let title = validator.string(object["title"], "title", maxLength: 1_000)
        let text = validator.string(object["body"], "body")
        let publishedAt = validator.day(object["publishedAt"], "publishedAt")
        let language = validator.string(object["language"], "language", required: false)
        if let language, !isLanguageTag(language) {
            validator.fail("language", "must be a BCP 47 language tag like en or pt-BR, got \"\(language)\".")
        }
        var source: Source?
        if let members = validator.object(object["source"], "source") {
            validator.onlyKnown(members, ["name", "url"], prefix: "source")
            let name = validator.string(members["name"], "source.name", maxLength: 500)
            let url = validator.string(members["url"], "source.url", required: false, maxLength: 4_000)
            if let url, !isWebURL(url) {
                validator.fail("source.url", "must be an absolute http or https URL, got \"\(url)\".")
            }
            if let name { source = Source(name: name, url: url) }
        }
        try validator.check()
        guard let title, let text, let publishedAt, let source else { preconditionFailure("checked above") }
        return ArticleInput(title: title, text: text, publishedAt: publishedAt, source: source, language: language ?? "en")
    }

    /// `en`, `pt-BR`, `zh-Hant-TW`: letters and digits in dash-separated parts, the first 2 to 8 letters.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func isWebURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard let rest = ["http://", "https://"].first(where: lower.hasPrefix).map({ lower.dropFirst($0.count) }) else { return false }
        return !rest.isEmpty && !rest.hasPrefix("/") && !text.contains(where: { $0.isWhitespace })
    }
}
