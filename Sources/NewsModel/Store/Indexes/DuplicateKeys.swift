/// Articles by their normalised source URL and by a hash of their body: how a reposted article
/// is found without reading the others.
struct DuplicateKeys: Sendable {
    private var byURL = PersistentMap<String, SortedChunks<String>>()
    private var byBody = PersistentMap<Int, SortedChunks<String>>()

    mutating func add(_ article: Article) {
        if let url = article.source.url {
            byURL.modify(Self.normalized(url), default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(article.id) }
        }
        byBody.modify(Self.hash(article.body), default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(article.id) }
    }

    mutating func remove(_ article: Article) {
        if let url = article.source.url {
            byURL.modify(Self.normalized(url), default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(article.id) }
        }
        byBody.modify(Self.hash(article.body), default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(article.id) }
    }

    /// The ids of the articles at this URL (normalised), in id order.
    func articles(atURL url: String) -> [String] {
        byURL[Self.normalized(url)]?.elements ?? []
    }

    /// The ids of the articles whose body hashes as this one does, in id order: each may still
    /// differ from it.
    func articles(withBodyLike body: String) -> [String] {
        byBody[Self.hash(body)]?.elements ?? []
    }

    /// A URL without surrounding white space or a trailing slash, its scheme and host lower-cased.
    static func normalized(_ url: String) -> String {
        var text = Substring(url).drop(while: \.isWhitespace)
        while text.last?.isWhitespace == true { text.removeLast() }
        var normalized = String(text)
        if let schemeEnd = normalized.firstRange(of: "://") {
            let afterScheme = normalized[schemeEnd.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            normalized = normalized[..<hostEnd].lowercased() + normalized[hostEnd...]
        }
        while normalized.hasSuffix("/") { normalized.removeLast() }
        return normalized
    }

    /// The process's hash of the text: the index lives in memory only, so a seed that changes
    /// with each run does no harm.
    static func hash(_ body: String) -> Int {
        body.hashValue
    }
}
