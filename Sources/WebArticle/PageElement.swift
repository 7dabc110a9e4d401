/// One element of the page's body as the main-text reader sees it: its tag, the attributes that
/// hint at its role, and its children in document order.
///
/// Built once from the parsed document (see `PageElement+Markup.swift`) so that the scoring passes
/// walk plain Swift values instead of calling into libxml2 for every question.
final class PageElement {
    /// One child: an element or a run of text.
    enum Child {
        case element(PageElement)
        case text(String)
    }

    /// The lowercased tag name.
    let name: String
    /// The `class` and `id` values, lowercased and joined by a space.
    let hints: String
    /// The words of `hints`, split once on first use.
    private(set) lazy var hintWords: [String] = BoilerplateHints.words(of: hints)
    /// What its tag and hints say of it as page furniture, asked by both the filter and the scores.
    private(set) lazy var boilerplateVerdict: BoilerplateHints.Verdict = BoilerplateHints.verdict(for: self)
    /// The `role` attribute, lowercased, or empty.
    let role: String
    /// The `itemprop` attribute, lowercased, or empty.
    let itemProperty: String
    /// The children, in document order.
    var children: [Child] = []
    /// The element this one sits in; nil for the top.
    private(set) weak var parent: PageElement?
    /// How many elements sit above this one.
    let depth: Int

    init(name: String, hints: String = "", role: String = "", itemProperty: String = "", parent: PageElement? = nil) {
        self.name = name
        self.hints = hints
        self.role = role
        self.itemProperty = itemProperty
        self.parent = parent
        self.depth = (parent?.depth ?? -1) + 1
    }

    /// Whether `other` is this element or sits somewhere below it.
    func contains(_ other: PageElement) -> Bool {
        var current: PageElement? = other
        while let element = current {
            if element === self { return true }
            if element.depth <= depth { return false }
            current = element.parent
        }
        return false
    }

    /// The child elements, in document order.
    var elements: [PageElement] {
        children.compactMap {
            if case .element(let element) = $0 { return element }
            return nil
        }
    }
}
