import NewsModel

/// Reads the numbers a sentence reports: `over 90 lives` is at least 90 fatalities, `over 700
/// tons of humanitarian assistance` at least 700 tons of aid, `$2.5 billion` money in USD.
enum FigureExtractor {
    /// A figure and the token it was read from.
    struct Found: Sendable, Hashable {
        var figure: Figure
        var token: Int
    }

    private static let atLeast: Set<String> = ["over", "exceeded", "exceeding", "exceeds", "surpassed", "topped", "above", "upwards"]
    private static let atMost: Set<String> = ["nearly", "almost", "under", "fewer", "less", "below"]
    private static let about: Set<String> = ["about", "around", "roughly", "approximately", "some", "estimated", "nearly"]
    private static let multipliers: [String: Double] = ["thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12]
    private static let numberWords: [String: Double] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "dozens": 24, "hundreds": 200, "thousands": 2000,
    ]
    private static let kinds: [(String, Set<String>)] = [
        ("fatalities", ["lives", "dead", "killed", "deaths", "died", "fatalities", "bodies", "toll", "killing"]),
        ("injuries", ["injured", "wounded", "injuries", "hurt"]),
        ("displaced", ["displaced", "evacuated", "homeless", "evacuees", "refugees"]),
        ("votes", ["votes", "vote", "ballots"]),
        ("seats", ["seats"]),
        ("goals", ["goals"]),
        ("troops", ["troops", "soldiers"]),
        ("people", ["people", "residents", "civilians", "protesters", "workers", "fans", "spectators", "jobs"]),
    ]
    private static let aidWords: Set<String> = ["aid", "assistance", "humanitarian", "supplies", "food", "relief", "medicine", "medical"]

    static func figures(in tokens: [Token], sentence: Range<Int>, scalars: [Unicode.Scalar]) -> [Found] {
        var out: [Found] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            let t = tokens[i]
            var value: Double?
            if t.kind == .number, !t.text.contains("-"),
                TimeExpressionParser.year(t.text) == nil || (i > sentence.lowerBound && tokens[i - 1].text == "$")
            {
                value = Double(t.text.filter { $0 != "," })
            } else if let w = numberWords[t.lower] {
                value = w
            }
            guard var v = value else {
                i += 1
                continue
            }
            var end = i + 1
            if end < sentence.upperBound, let m = multipliers[tokens[end].lower] {
                v *= m
                end += 1
            }
            // Qualifier and currency before the number.
            var first = i
            var qualifier = Figure.Qualifier.exact
            var unit: String?
            var kind: String?
            if first > sentence.lowerBound, ["$", "\u{20AC}", "\u{00A3}"].contains(tokens[first - 1].text) {
                unit = ["$": "USD", "\u{20AC}": "EUR", "\u{00A3}": "GBP"][tokens[first - 1].text]
                kind = "money"
                first -= 1
            }
            var k = first - 1
            if k >= sentence.lowerBound, ["than", "of", "to", "least"].contains(tokens[k].lower) { k -= 1 }
            if k >= sentence.lowerBound {
                let w = tokens[k].lower
                let next = tokens[k + 1].lower
                if atLeast.contains(w) || (w == "more" && next == "than") || (w == "at" && next == "least") {
                    qualifier = .atLeast
                    first = k
                } else if (w == "up" && next == "to") || ((w == "fewer" || w == "less") && next == "than")
                    || atMost.contains(w) && w != "nearly"
                {
                    qualifier = .atMost
                    first = k
                } else if about.contains(w) || (w == "an" && tokens[k + 1].lower == "estimated") {
                    qualifier = .about
                    first = k
                }
            }
            // Unit and kind after it.
            var window: [String] = []
            var j = end
            while j < sentence.upperBound, j < end + 5, tokens[j].kind != .punctuation || tokens[j].text == "%" {
                window.append(tokens[j].lower)
                j += 1
            }
            if let u = window.first {
                switch u {
                case "tons", "tonnes", "ton", "tonne": unit = "tons"
                case "percent", "%", "per": unit = "percent"
                case "dollars":
                    unit = "USD"
                    kind = "money"
                case "euros":
                    unit = "EUR"
                    kind = "money"
                case "times", "years", "year", "days", "months", "weeks", "hours", "minutes":
                    i = end
                    continue
                default: break
                }
                if ["tons", "tonnes", "ton", "tonne", "percent", "%", "dollars", "euros"].contains(u) { end += 1 }
            }
            if kind == nil {
                if unit == "tons", window.contains(where: aidWords.contains) {
                    kind = "aid"
                } else if unit == "percent" {
                    kind = window.contains("vote") || window.contains("votes") ? "votes" : "percent"
                } else {
                    // Specific kinds after the number, then before it (`injured more than 300 people`),
                    // then plain counts of people.
                    let before = (max(sentence.lowerBound, first - 3)..<first).map { tokens[$0].lower }
                    let specific = kinds.filter { $0.0 != "people" }
                    kind =
                        specific.first(where: { !$0.1.isDisjoint(with: window) })?.0
                        ?? specific.first(where: { !$0.1.isDisjoint(with: before) })?.0
                        ?? kinds.first(where: { !$0.1.isDisjoint(with: window) })?.0
                        ?? (unit == "tons" ? "cargo" : nil)
                }
            }
            guard let kind else {
                i = end
                continue
            }
            if t.kind != .number, unit == nil, kind != "fatalities" && kind != "injuries" && kind != "people" && kind != "troops" {
                i = end
                continue
            }
            let text = ScalarText.string(scalars[tokens[first].start..<tokens[min(end, sentence.upperBound) - 1].end])
            out.append(Found(figure: Figure(kind: kind, value: v, unit: unit, qualifier: qualifier, text: text), token: i))
            i = end
        }
        return out
    }
}
