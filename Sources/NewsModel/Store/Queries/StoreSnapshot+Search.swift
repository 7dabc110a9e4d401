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
    /// every word, documents holding some of them follow, ranked by their rarest matching word.
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
            rank(state.entityText, terms, all: false, into: &top) { .entity($0) }
            rank(state.eventText, terms, all: false, into: &top) { .event($0) }
        }
        return top.sorted.compactMap { hit(for: $0, terms: Set(terms), query: query) }
    }

    /// Scores the documents of one kind into `top`: those with every term when `all`, else
    /// those with any (ranked below every complete match, by their best term). Returns how
    /// many documents were scored. The partial pass reads at most ``partialMatchBudget``
    /// postings, rarest terms first.
    @discardableResult
    private func rank<Ref>(
        _ index: TextIndex<Ref>, _ terms: [String], all: Bool, into top: inout TopHits,
        boost boosted: ((Ref) -> Double)? = nil, _ ref: (Ref) -> ScoredHit.Ref
    ) -> Int {
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
            var cutoff = LengthCutoff(enabled: boosted == nil)
            var others = lists.dropFirst().map { SortedChunks.Seeker($0.list) }
            lists[0].list.visit(0..<lists[0].list.count) { posting in
                guard cutoff.admits(posting.length) else { return true }
                for index in others.indices where !others[index].contains(posting.ref) { return true }
                let hit = ScoredHit(
                    ref: ref(posting.ref), complete: true, score: idf * weight(posting.length) + (boosted?(posting.ref) ?? 0))
                if !top.offer(hit) { cutoff.rejected(posting.length) }
                scored += 1
                return true
            }
            return scored
        }
        // Rarest terms first, within a budget of postings: a document scores by its best single
        // term, so no per-document sums are kept, and a common term's long tail (which would
        // score lowest) is not read to the end.
        lists.sort { $0.list.count < $1.list.count }
        var budget = Self.partialMatchBudget
        var scored = 0
        for (list, idf) in lists where budget > 0 {
            let count = min(list.count, budget)
            var cutoff = LengthCutoff(enabled: true)
            list.visit(0..<count) { posting in
                guard cutoff.admits(posting.length) else { return true }
                if !top.offer(ScoredHit(ref: ref(posting.ref), complete: false, score: idf * weight(posting.length))) {
                    cutoff.rejected(posting.length)
                }
                return true
            }
            budget -= count
            scored += count
        }
        return scored
    }

    private func hit(for scored: ScoredHit, terms: Set<String>, query: String) -> SearchHit? {
        switch scored.ref {
        case .article(let serial):
            guard let article = state.articles[serial: serial] else { return nil }
            return SearchHit(
                kind: .article, id: article.id, label: article.title,
                snippet: Self.snippet(article.title, terms: terms), score: scored.score)
        case .entity(let serial):
            guard let entity = state.entities[serial: serial] else { return nil }
            let names = [entity.name] + entity.aliases
            let matched =
                names.first { TextNormalizer.folded($0) == query }
                ?? names.first { TextNormalizer.spans($0).contains { terms.contains($0.term) } } ?? entity.name
            return SearchHit(
                kind: .entity, id: entity.id, label: entity.name,
                snippet: Self.snippet(matched, terms: terms), score: scored.score)
        case .event(let key):
            guard let event = state.events[serial: key.serial] else { return nil }
            let texts = [event.summary] + event.sources.map(\.quote)
            let matched = texts.first { TextNormalizer.spans($0).contains { terms.contains($0.term) } } ?? event.summary
            return SearchHit(
                kind: .event, id: event.id, label: event.summary,
                snippet: Self.snippet(matched, terms: terms), score: scored.score)
        }
    }

    /// The most postings the partial-match pass reads per kind of document.
    static let partialMatchBudget = 20_000

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

/// Within one term list every document's score falls as its length grows, so once a document
/// of some length fails to make the top hits, every longer one would fail too and is skipped
/// with one comparison. Off when a per-document boost breaks that order.
private struct LengthCutoff {
    let enabled: Bool
    private var limit = UInt16.max

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func admits(_ length: UInt16) -> Bool {
        !enabled || length <= limit
    }

    mutating func rejected(_ length: UInt16) {
        limit = min(limit, length)
    }
}
