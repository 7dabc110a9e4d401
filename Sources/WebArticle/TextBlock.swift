/// One run of text the reader sees as a unit: a paragraph, a heading, a list item, or the loose text
/// of a container between two block-level elements.
struct TextBlock {
    /// What kind of element holds the text.
    enum Kind {
        case paragraph
        case heading
        case listItem
        case quote
        case preformatted
        case cell
        case loose
    }

    /// The text, whitespace-normalized.
    var text: String
    /// The length of `text` in Unicode scalars.
    var length: Int
    /// How many characters of `text` sit inside links.
    var linkLength: Int
    /// The kind of the nearest block-level element.
    var kind: Kind
    /// The nearest block-level element holding the text.
    var owner: PageElement

    /// The share of the text that is link text, from 0 to 1.
    var linkDensity: Double {
        length == 0 ? 0 : Double(linkLength) / Double(length)
    }

    /// How many commas (Western or CJK) the text holds: prose has them, menus rarely do.
    var commaCount: Int {
        text.unicodeScalars.reduce(0) { $0 + ($1 == "," || $1 == "，" || $1 == "、" ? 1 : 0) }
    }

    /// Whether the text ends like a sentence.
    var endsLikeSentence: Bool {
        guard let last = text.last(where: { !"\"'”’)]»".contains($0) }) else { return false }
        return ".!?:;…。！？".contains(last)
    }
}
