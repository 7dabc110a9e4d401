extension StoreSnapshot {
    /// One page of articles, newest first (by publication day, then latest stored first).
    public func articles(limit: Int = 50, cursor: String? = nil) throws(StoreQueryError) -> Page<Article> {
        try Self.check(limit: limit)
        let filters = "articles"
        let list = state.articlesByDate
        var end = list.count
        if let cursor {
            let key = try PageCursor(decoding: cursor, filters: filters).sortKey
            end = list.lowerBound(key)
        }
        var keys: [SortKey] = []
        list.visit(0..<end, reversed: true) { key in
            keys.append(key)
            return keys.count <= limit
        }
        let page = keys.prefix(limit).compactMap { state.articles[serial: $0.serial] }
        var next: String?
        if keys.count > limit, let key = keys.prefix(limit).last, let last = page.last {
            next = PageCursor(filters: filters, key: key, id: last.id).encoded
        }
        return Page(items: page, next: next, total: list.count)
    }

    /// The articles that mention an entity, newest first.
    public func articles(forEntity id: String) -> [Article] {
        let id = state.redirects[id] ?? id
        return state.mentionedArticleIds(of: id).compactMap { state.articles[$0] }
            .sorted { $0.publishedAt != $1.publishedAt ? $0.publishedAt > $1.publishedAt : $0.id < $1.id }
    }
}
