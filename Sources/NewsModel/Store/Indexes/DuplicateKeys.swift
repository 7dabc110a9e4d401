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

    /// A URL as it is compared: without surrounding white space, a fragment, tracking
    /// parameters (``trackingParameters``, and any `utm_…`) or a trailing slash, its scheme and
    /// host lower-cased. The same story linked from a newsletter and from a feed is one URL.
    static func normalized(_ url: String) -> String {
        var text = Substring(url).drop(while: \.isWhitespace)
        while text.last?.isWhitespace == true { text.removeLast() }
        if let fragment = text.firstIndex(of: "#") { text = text[..<fragment] }
        let queryStart = text.firstIndex(of: "?") ?? text.endIndex
        var address = String(text[..<queryStart])
        if let schemeEnd = address.firstRange(of: "://") {
            let hostEnd = address[schemeEnd.upperBound...].firstIndex(of: "/") ?? address.endIndex
            address = address[..<hostEnd].lowercased() + address[hostEnd...]
        }
        while address.hasSuffix("/") { address.removeLast() }
        let kept = text[queryStart...].dropFirst().split(separator: "&").filter { pair in
            let name = pair.prefix { $0 != "=" }.lowercased()
            return !name.isEmpty && !name.hasPrefix("utm_") && !trackingParameters.contains(name)
        }
        return kept.isEmpty ? address : address + "?" + kept.joined(separator: "&")
    }

    /// Query parameters that say how a reader came to a page, not which page it is.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ocid", "cmpid", "smid", "ref_src",
    ]

    /// The process's hash of the text: the index lives in memory only, so a seed that changes
    /// with each run does no harm.
    static func hash(_ body: String) -> Int {
        body.hashValue
    }
}
