#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension StoreSnapshot {
    /// Ranked hits across articles (titles), entities (names and aliases) and events
    /// (summaries and source quotes).
    ///
    /// Documents holding every word of the query come first, ranked by BM25 with binary term
    /// frequency (rare words weigh more, short texts beat long ones); an entity whose name or
    /// an alias is exactly the query gets a large boost. When fewer than `limit` documents hold
    /// every word, documents holding some of them follow, ranked the same way.
    public func search(_ text: String, limit: Int = 20) -> [SearchHit] {
        let terms = Array(Set(TextNormalizer.tokens(text))).sorted()
        guard !terms.isEmpty, limit > 0 else { return [] }
        let query = TextNormalizer.folded(text)
        var top = TopHits(limit: limit)
        var complete = 0
        complete += rank(state.articleText, terms, all: true, into: &top) { .article($0) }
        let boost = { (serial: UInt32) -> Double in
            guard let entity = self.state.entities[serial: serial] else { return 0 }
            if TextNormalizer.folded(entity.name) == query { return Self.exactNameBoost }
            return entity.aliases.contains { TextNormalizer.folded($0) == query } ? Self.exactNameBoost / 2 : 0
        }
        complete += rank(state.entityText, terms, all: true, into: &top, boost: boost) { .entity($0) }
        complete += rank(state.eventText, terms, all: true, into: &top) { .event($0) }
        if complete < limit && terms.count > 1 {
            rank(state.articleText, terms, all: false, into: &top) { .article($0) }
            rank(state.entityText, terms, all: false, into: &top, boost: boost) { .entity($0) }
            rank(state.eventText, terms, all: false, into: &top) { .event($0) }
        }
        return top.sorted.compactMap { hit(for: $0, terms: Set(terms), query: query) }
    }

    /// Scores the documents of one kind into `top`: those with every term when `all`, else
    /// those with some but not all (ranked below every complete match). Returns how many
    /// documents were scored.
    @discardableResult
    private func rank<Ref>(_ index: TextIndex<Ref>, _ terms: [String], all: Bool, into top: inout TopHits,
                           boost: (Ref) -> Double = { _ in 0 }, _ ref: (Ref) -> ScoredHit.Ref) -> Int {
        let n = Double(index.documentCount)
        let average = index.averageLength
        let (k1, b) = (1.2, 0.75)
        func weight(_ length: UInt16) -> Double {
            (k1 + 1) / (1 + k1 * (1 - b + b * Double(length) / average))
        }
        var lists: [(list: SortedChunks<TextPosting<Ref>>, idf: Double)] = []
        for term in terms {
            guard let list = index.postings(for: term) else {
                if all { return 0 }
                continue
            }
            let df = Double(list.count)
            lists.append((list, log(1 + (n - df + 0.5) / (df + 0.5))))
        }
        guard !lists.isEmpty else { return 0 }
        if all {
            lists.sort { $0.list.count < $1.list.count }
            let idf = lists.reduce(0) { $0 + $1.idf }
            var scored = 0
            lists[0].list.visit(0..<lists[0].list.count) { posting in
                for other in lists.dropFirst() where !other.list.contains(posting.ref) { return true }
                top.offer(ScoredHit(ref: ref(posting.ref), complete: true, score: idf * weight(posting.length) + boost(posting.ref)))
                scored += 1
                return true
            }
            return scored
        }
        var partial: [Ref: (matched: Int, score: Double)] = [:]
        for (list, idf) in lists {
            list.visit(0..<list.count) { posting in
                partial[posting.ref, default: (0, 0)].matched += 1
                partial[posting.ref, default: (0, 0)].score += idf * weight(posting.length)
                return true
            }
        }
        for (key, value) in partial where value.matched < terms.count {
            top.offer(ScoredHit(ref: ref(key), complete: false, score: value.score + boost(key)))
        }
        return partial.count
    }

    private func hit(for scored: ScoredHit, terms: Set<String>, query: String) -> SearchHit? {
        switch scored.ref {
        case .article(let serial):
            guard let article = state.articles[serial: serial] else { return nil }
            return SearchHit(kind: .article, id: article.id, label: article.title,
                             snippet: Self.snippet(article.title, terms: terms), score: scored.score)
        case .entity(let serial):
            guard let entity = state.entities[serial: serial] else { return nil }
            let names = [entity.name] + entity.aliases
            let matched = names.first { TextNormalizer.folded($0) == query }
                ?? names.first { TextNormalizer.spans($0).contains { terms.contains($0.term) } } ?? entity.name
            return SearchHit(kind: .entity, id: entity.id, label: entity.name,
                             snippet: Self.snippet(matched, terms: terms), score: scored.score)
        case .event(let key):
            guard let event = state.events[serial: key.serial] else { return nil }
            let texts = [event.summary] + event.sources.map(\.quote)
            let matched = texts.first { TextNormalizer.spans($0).contains { terms.contains($0.term) } } ?? event.summary
            return SearchHit(kind: .event, id: event.id, label: event.summary,
                             snippet: Self.snippet(matched, terms: terms), score: scored.score)
        }
    }

    /// Added to the score of an entity named exactly as the query (half for an alias).
    static let exactNameBoost = 10.0

    /// Up to `width` characters of `text` around its first word in `terms`, `…` where cut.
    static func snippet(_ text: String, terms: Set<String>, width: Int = 120) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width else { return text }
        let match = TextNormalizer.spans(text).first { terms.contains($0.term) }?.range ?? 0..<0
        var start = max(0, match.lowerBound - width / 3)
        var end = min(scalars.count, start + width)
        start = max(0, end - width)
        // Cut at spaces so no word is halved.
        while start > 0 && start < match.lowerBound && !scalars[start - 1].properties.isWhitespace { start += 1 }
        while end < scalars.count && end > match.upperBound && !scalars[end].properties.isWhitespace { end -= 1 }
        while start < end && scalars[start].properties.isWhitespace { start += 1 }
        while end > start && scalars[end - 1].properties.isWhitespace { end -= 1 }
        var out = String(String.UnicodeScalarView(scalars[start..<end]))
        if start > 0 { out = "…" + out }
        if end < scalars.count { out += "…" }
        return out
    }
}
