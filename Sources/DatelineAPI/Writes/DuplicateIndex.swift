import HTTPServer
import Hashing
import NewsModel

/// Finds an article the store already holds by its source URL or by its exact body text, so
/// that posting the same article twice gives back the first.
///
/// Kept in step with the store lazily: each lookup first reads the change records since the
/// version it last saw, through `changes` (or, when they no longer reach back, every article
/// again). Used only under the ingestion writer's lock.
struct DuplicateIndex {
    private var version: UInt64?
    private var byURL: [String: Set<String>] = [:]
    private var byBody: [UInt64: Set<String>] = [:]
    /// What each indexed article was filed under, to unfile it when it changes.
    private var keys: [String: (url: String?, body: UInt64)] = [:]

    /// The id of an article in `snapshot` with this source URL or this body, if any; `changes`
    /// gives the change records after a version up to `snapshot`'s.
    mutating func duplicate(
        url: String?, body: String, in snapshot: StoreSnapshot, changes: (UInt64) -> [ChangeRecord]?
    ) -> String? {
        refresh(to: snapshot, changes: changes)
        if let url, let id = (byURL[Self.normalized(url)] ?? []).sorted().first(where: { snapshot.article($0) != nil }) {
            return id
        }
        let candidates = byBody[Self.hash(body)] ?? []
        return candidates.sorted().first { snapshot.article($0)?.body == body }
    }

    private mutating func refresh(to snapshot: StoreSnapshot, changes: (UInt64) -> [ChangeRecord]?) {
        guard version != snapshot.version else { return }
        if let version, let records = changes(version) {
            for record in records where record.kind == .article {
                file(record.id, snapshot.article(record.id))
            }
        } else {
            self = DuplicateIndex()
            for article in Self.allArticles(in: snapshot) { file(article.id, article) }
        }
        version = snapshot.version
    }

    /// Files `article` under `id`, or unfiles `id` when the article is gone.
    private mutating func file(_ id: String, _ article: Article?) {
        if let old = keys.removeValue(forKey: id) {
            if let url = old.url { Self.remove(id, at: url, from: &byURL) }
            Self.remove(id, at: old.body, from: &byBody)
        }
        guard let article else { return }
        let url = article.source.url.map(Self.normalized)
        let body = Self.hash(article.body)
        if let url { byURL[url, default: []].insert(id) }
        byBody[body, default: []].insert(id)
        keys[id] = (url, body)
    }

    private static func remove<Key: Hashable>(_ id: String, at key: Key, from map: inout [Key: Set<String>]) {
        map[key]?.remove(id)
        if map[key]?.isEmpty == true { map[key] = nil }
    }

    /// A URL without surrounding spaces or a trailing slash, its scheme and host lower-cased.
    static func normalized(_ url: String) -> String {
        var text = url.trimmingWhitespace
        if let schemeEnd = text.firstRange(of: "://") {
            let afterScheme = text[schemeEnd.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            text = text[..<hostEnd].lowercased() + text[hostEnd...]
        }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    static func hash(_ body: String) -> UInt64 {
        XXH64.hash(Array(body.utf8))
    }

    static func allArticles(in snapshot: StoreSnapshot) -> [Article] {
        var articles: [Article] = []
        var cursor: String?
        repeat {
            guard let page = try? snapshot.articles(limit: EventQuery.maxLimit, cursor: cursor) else { break }
            articles += page.items
            cursor = page.next
        } while cursor != nil
        return articles
    }
}
