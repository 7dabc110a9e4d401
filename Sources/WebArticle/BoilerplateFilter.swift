/// Decides which subtrees the main-text reader skips: those ``BoilerplateHints`` marks, unless
/// they hold so much of the page's prose that they must be the article's own wrapper.
struct BoilerplateFilter {
    /// The share of the page's prose above which a weakly marked element is kept.
    static let weakKeepShare = 0.5
    /// The share of the page's prose above which a strongly marked element is kept.
    static let strongKeepShare = 0.6

    private var prose: [ObjectIdentifier: Int] = [:]
    private var totalProse = 0
    private let active: Bool

    /// A filter that drops nothing.
    static let none = BoilerplateFilter(active: false)

    private init(active: Bool) {
        self.active = active
    }

    /// A filter for the page whose unfiltered blocks are `blocks`.
    init(blocks: [TextBlock]) {
        active = true
        for block in blocks where ContentScore.isProse(block) {
            let length = block.length
            totalProse += length
            var current: PageElement? = block.owner
            while let element = current {
                prose[ObjectIdentifier(element), default: 0] += length
                current = element.parent
            }
        }
    }

    /// Whether the reader skips `element` and everything below it.
    func drops(_ element: PageElement) -> Bool {
        guard active else { return false }
        let verdict = element.boilerplateVerdict
        if verdict == .none || Self.isQuoteEmbed(element) { return false }
        let share = totalProse == 0 ? 0 : Double(prose[ObjectIdentifier(element)] ?? 0) / Double(totalProse)
        return share < (verdict == .strong ? Self.strongKeepShare : Self.weakKeepShare)
    }

    /// A quotation, or a wrapper holding only one (an embedded post): quoted text belongs to the story
    /// whatever the embed's class says.
    private static func isQuoteEmbed(_ element: PageElement) -> Bool {
        if element.name == "blockquote" { return true }
        let elements = element.elements
        return elements.count == 1 && elements[0].name == "blockquote"
    }
}
