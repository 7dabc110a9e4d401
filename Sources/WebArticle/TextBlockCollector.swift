/// Splits a page tree into ``TextBlock``s in document order, leaving out the subtrees a
/// ``BoilerplateFilter`` rejects.
struct TextBlockCollector {
    /// Elements that start and end a block of their own.
    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "body", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
        "h6", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption",
        "header", "footer", "nav", "aside", "address", "hr", "form", "fieldset", "center", "details", "summary", "menu",
        "dialog", "legend", "noscript",
    ]

    let filter: BoilerplateFilter
    private(set) var blocks: [TextBlock] = []
    private var buffer = ""
    private var linkLength = 0
    private var pendingBreak = false

    init(filter: BoilerplateFilter) {
        self.filter = filter
    }

    /// The blocks of `top`'s subtree.
    static func blocks(of top: PageElement, filter: BoilerplateFilter) -> [TextBlock] {
        var collector = TextBlockCollector(filter: filter)
        collector.walk(top, owner: top, inLink: false)
        collector.flush(owner: top)
        return collector.blocks
    }

    private mutating func walk(_ element: PageElement, owner: PageElement, inLink: Bool) {
        for child in element.children {
            switch child {
            case .text(let text):
                append(text, inLink: inLink)
            case .element(let sub):
                if filter.drops(sub) { continue }
                if sub.name == "br" {
                    if pendingBreak {
                        flush(owner: owner)
                    } else {
                        buffer.append(" ")
                        pendingBreak = true
                    }
                } else if sub.name == "td" || sub.name == "th" {
                    // A row's cells read as one line; a cell holding paragraphs still splits at them.
                    buffer.append(" ")
                    walk(sub, owner: owner, inLink: inLink)
                    buffer.append(" ")
                } else if Self.blockTags.contains(sub.name) {
                    flush(owner: owner)
                    walk(sub, owner: sub, inLink: inLink)
                    flush(owner: sub)
                } else {
                    walk(sub, owner: owner, inLink: inLink || sub.name == "a")
                }
            }
        }
    }

    private mutating func append(_ text: String, inLink: Bool) {
        if text.unicodeScalars.contains(where: { !Whitespace.isSpace($0) }) { pendingBreak = false }
        buffer.append(text)
        if inLink { linkLength += Whitespace.normalizedLength(text) }
    }

    private mutating func flush(owner: PageElement) {
        defer {
            buffer = ""
            linkLength = 0
            pendingBreak = false
        }
        let text = Whitespace.normalize(buffer)
        guard !text.isEmpty else { return }
        let length = text.unicodeScalars.count
        blocks.append(TextBlock(text: text, length: length, linkLength: min(linkLength, length), kind: Self.kind(of: owner), owner: owner))
    }

    private static func kind(of owner: PageElement) -> TextBlock.Kind {
        switch owner.name {
        case "p": .paragraph
        case "h1", "h2", "h3", "h4", "h5", "h6": .heading
        case "li", "dd", "dt": .listItem
        case "blockquote": .quote
        case "pre": .preformatted
        case "tr", "td", "th": .cell
        default: .loose
        }
    }
}
