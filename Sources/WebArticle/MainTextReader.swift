/// Reads the article's paragraphs out of a page tree: drops furniture, scores containers, takes the
/// best one with the siblings that belong to it, and keeps its blocks in document order.
enum MainTextReader {
    /// The share of the best score a sibling container needs to join the article.
    static let siblingShare = 0.25
    /// Blocks shorter than this that do not end like a sentence are read as labels ("Advertisement").
    static let labelLength = 20

    /// The paragraphs of the article in `body`. `title` is left out when it repeats as a heading;
    /// `hint` is a structured-data copy of the body (possibly partial) that steers the choice.
    static func paragraphs(in body: PageElement, title: String?, hint: String?) -> [String] {
        let unfiltered = TextBlockCollector.blocks(of: body, filter: .none)
        var blocks = TextBlockCollector.blocks(of: body, filter: BoilerplateFilter(blocks: unfiltered))
        if !blocks.contains(where: ContentScore.isProse) { blocks = unfiltered }
        let score = ContentScore(blocks: blocks, hint: hint)
        guard let top = score.best else {
            return blocks.filter(ContentScore.isProse).map(\.text)
        }
        let regions = regions(around: top, score: score) + twins(of: top, score: score)
        let inside = blocks.filter { block in regions.contains { $0.contains(block.owner) } }
        return kept(inside, title: title)
    }

    /// The best element and those of its siblings that read as more of the same article.
    static func regions(around top: PageElement, score: ContentScore) -> [PageElement] {
        guard let parent = top.parent else { return [top] }
        let threshold = max(3, score.score(of: top) * siblingShare)
        return parent.elements.filter { sibling in
            if sibling === top { return true }
            if score.score(of: sibling) >= threshold, score.linkDensity(of: sibling) < 0.3 { return true }
            guard sibling.name == "p" else { return false }
            let length = score.textLength(of: sibling)
            let density = score.linkDensity(of: sibling)
            return (length > 80 && density < 0.25) || (length > 0 && density == 0 && length >= labelLength)
        }
    }

    /// Other elements with the same tag and `class`/`id` as the best one, holding prose of their own:
    /// an article split into several containers by figures or advertisements.
    static func twins(of top: PageElement, score: ContentScore) -> [PageElement] {
        guard !top.hints.isEmpty else { return [] }
        return score.elements.values.filter { element in
            element !== top && element.name == top.name && element.hints == top.hints && !top.contains(element)
                && !element.contains(top) && score.linkDensity(of: element) < 0.3 && score.textLength(of: element) >= 100
        }
    }

    private static func kept(_ blocks: [TextBlock], title: String?) -> [String] {
        let normalizedTitle = title.map { Whitespace.normalize($0).lowercased() }
        var paragraphs: [String] = []
        var trailingHeading = false
        for block in blocks {
            if block.linkDensity > 0.5 { continue }
            if block.kind == .heading {
                if block.text.lowercased() == normalizedTitle || block.linkLength > 0 { continue }
                paragraphs.append(block.text)
                trailingHeading = true
                continue
            }
            if block.kind == .loose || block.kind == .cell, block.length < labelLength, !block.endsLikeSentence { continue }
            paragraphs.append(block.text)
            trailingHeading = false
        }
        if trailingHeading { paragraphs.removeLast() }
        return paragraphs
    }
}
