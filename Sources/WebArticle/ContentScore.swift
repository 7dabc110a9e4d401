/// Scores page elements as the article's container from the prose blocks below them.
///
/// A prose block (long enough, few links) adds a weight that grows with its length and commas to
/// the element holding it, and less to each element further up, so the winner is the tightest
/// element that still holds most of the prose. Link-heavy elements lose in proportion, and the
/// conventional article markers (`<article>`, `itemprop=articleBody`, content-like class names)
/// earn a bonus.
struct ContentScore {
    /// How much of a block's weight reaches each level above its container.
    static let decay: [Double] = [1, 0.6, 0.35, 0.2, 0.12]
    /// The shortest text counted as prose.
    static let proseLength = 25

    private(set) var scores: [ObjectIdentifier: Double] = [:]
    private(set) var elements: [ObjectIdentifier: PageElement] = [:]
    private var textLength: [ObjectIdentifier: Int] = [:]
    private var linkLength: [ObjectIdentifier: Int] = [:]

    /// Whether a block reads like running prose.
    static func isProse(_ block: TextBlock) -> Bool {
        block.kind != .heading && block.length >= proseLength && block.linkDensity < 0.5
    }

    /// The weight one prose block adds.
    static func weight(of block: TextBlock) -> Double {
        let length = Double(block.length)
        return (1 + Double(block.commaCount) * 0.5 + min(length / 80, 4)) * (1 - block.linkDensity)
    }

    /// Scores from `blocks`, boosting the blocks whose text `hint` (a structured-data body) contains.
    init(blocks: [TextBlock], hint: String?) {
        let hintText = hint.map(Whitespace.normalize)
        for block in blocks {
            var current: PageElement? = block.owner
            while let element = current {
                let key = ObjectIdentifier(element)
                textLength[key, default: 0] += block.length
                linkLength[key, default: 0] += block.linkLength
                current = element.parent
            }
            guard Self.isProse(block) else { continue }
            var weight = Self.weight(of: block)
            if let hintText, hintText.contains(String(block.text.prefix(60))) { weight *= 2 }
            var container: PageElement? = Self.isContainer(block.owner) ? block.owner : block.owner.parent
            for share in Self.decay {
                guard let element = container else { break }
                let key = ObjectIdentifier(element)
                scores[key, default: 0] += weight * share
                elements[key] = element
                container = element.parent
            }
        }
        for (key, element) in elements {
            scores[key, default: 0] *= (1 - linkDensity(of: element)) * Self.markerFactor(for: element)
        }
    }

    /// The best-scored element, if any block was prose.
    var best: PageElement? {
        scores.max { left, right in
            // On a tie the deeper, tighter element wins.
            left.value != right.value ? left.value < right.value : (elements[left.key]?.depth ?? 0) < (elements[right.key]?.depth ?? 0)
        }.flatMap { elements[$0.key] }
    }

    /// The score of `element`, zero when no prose sits below it.
    func score(of element: PageElement) -> Double { scores[ObjectIdentifier(element)] ?? 0 }

    /// The share of `element`'s text that is link text.
    func linkDensity(of element: PageElement) -> Double {
        let key = ObjectIdentifier(element)
        let total = textLength[key] ?? 0
        return total == 0 ? 0 : Double(linkLength[key] ?? 0) / Double(total)
    }

    /// All the text below `element`, in characters.
    func textLength(of element: PageElement) -> Int { textLength[ObjectIdentifier(element)] ?? 0 }

    private static func isContainer(_ element: PageElement) -> Bool {
        !["p", "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th"].contains(element.name)
    }

    private static func markerFactor(for element: PageElement) -> Double {
        if element.itemProperty == "articlebody" { return 1.6 }
        var factor = 1.0
        if element.name == "article" || element.role == "article" || element.role == "main" || element.name == "main" { factor *= 1.25 }
        if BoilerplateHints.marksContent(element) { factor *= 1.25 }
        if element.boilerplateVerdict != .none { factor *= 0.6 }
        return factor
    }
}
