public import NewsModel

/// Finds time phrases in a sentence and normalizes them against the publication day,
/// TIMEX3-style: the value at the phrase's precision, a modifier and the range of days.
///
/// A phrase without a year (`October 7th`, `in late June`, `on Tuesday`) takes the year the
/// nearest tense cue calls for: the most recent such day for the past, the next one for the
/// future, the nearest one otherwise.
public struct TimeExpressionNormalizer: Sendable {
    public let publishedAt: Day

    public init(publishedAt: Day) {
        self.publishedAt = publishedAt
    }

    /// Normalizes one phrase on its own, as if it stood in a sentence of the given tense
    /// (`"since October 2023"`, `"late June"`); nil when it is not a time phrase.
    public func normalize(_ phrase: String, pastTense: Bool? = nil) -> EventDate? {
        let scalars = Array(phrase.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        guard !tokens.isEmpty else { return nil }
        let found = find(in: tokens, sentence: 0..<tokens.count, scalars: scalars,
                         tense: pastTense.map { $0 ? .past : .future })
        return found.first?.date
    }

    /// Every time phrase in the tokens of one sentence.
    func find(in tokens: [Token], sentence: Range<Int>, scalars: [Unicode.Scalar], tense forced: Tense? = nil) -> [TimeExpression] {
        var out: [TimeExpression] = []
        var i = sentence.lowerBound
        while i < sentence.upperBound {
            guard let (modifier, coreStart, phraseStart) = prefix(tokens, at: i, sentence: sentence),
                  let core = parseCore(tokens, at: coreStart, sentence: sentence) else {
                i += 1
                continue
            }
            let phrase = phraseStart..<core.end
            let tense = forced ?? Tense.around(phrase, in: tokens, sentence: sentence)
            if var date = resolve(core, tense: tense) {
                let start = tokens[phrase.lowerBound].start
                let end = tokens[phrase.upperBound - 1].end
                date.phrase = ScalarText.string(scalars[start..<end])
                apply(modifier, to: &date)
                out.append(TimeExpression(tokens: phrase, start: start, end: end, date: date))
                i = core.end
            } else {
                i += 1
            }
        }
        return out
    }

    // MARK: Parsing

    enum Core {
        case day(Day)
        case monthDay(month: Int, day: Int)
        case month(month: Int, year: Int?, yearOffset: Int?)
        case year(Int)
        case weekday(Int, relative: String?)
        case relativeDay(Int)
        case relativeMonth(Int)
        case relativeYear(Int)
    }

    struct Parsed {
        var core: Core
        var end: Int
    }

    private static let modifierWords: [String: EventDate.Modifier] = [
        "early": .early, "mid": .mid, "late": .late, "since": .since, "until": .until, "till": .until,
        "before": .before, "after": .after, "around": .about, "about": .about, "circa": .about,
        "approximately": .about, "by": .before,
    ]

    /// A modifier and the words kept in the phrase before the core (`on`, `since`, `late`).
    private func prefix(_ tokens: [Token], at i: Int, sentence: Range<Int>) -> (EventDate.Modifier?, Int, Int)? {
        let t = tokens[i]
        guard t.kind != .punctuation else { return nil }
        var modifier: EventDate.Modifier?
        var k = i
        if t.lower.hasPrefix("mid-"), parseCore(tokens, at: i, sentence: sentence) != nil { return (.mid, i, i) }
        if t.lower == "on", !t.isCapitalized || i == sentence.lowerBound { k = i + 1 }
        else if let m = Self.modifierWords[t.lower] {
            modifier = m
            k = i + 1
            // `since late June`, `until early 2025`
            if k < sentence.upperBound, let inner = Self.modifierWords[tokens[k].lower], [.early, .mid, .late].contains(inner) {
                modifier = inner
                k += 1
            }
        } else if t.lower == "the", i + 2 < sentence.upperBound, tokens[i + 2].lower == "of",
                  let m = ["end": EventDate.Modifier.late, "beginning": .early, "start": .early, "middle": .mid][tokens[i + 1].lower] {
            modifier = m
            k = i + 3
        }
        guard k < sentence.upperBound else { return nil }
        if k == i { return (nil, i, i) }
        // A prefix word only counts when a core follows it.
        guard parseCore(tokens, at: k, sentence: sentence) != nil else { return nil }
        return (modifier, k, i)
    }

    private func parseCore(_ tokens: [Token], at i: Int, sentence: Range<Int>) -> Parsed? {
        let upper = sentence.upperBound
        let t = tokens[i]
        func word(_ k: Int) -> String? { k < upper ? tokens[k].lower : nil }
        if t.kind == .number, let day = Day(t.text) { return Parsed(core: .day(day), end: i + 1) }
        if t.kind == .word, t.lower.hasPrefix("mid-") {
            let rest = String(t.lower.dropFirst(4))
            if let m = Lexicon.months[rest], rest.count >= 3 { return Parsed(core: .month(month: m, year: nil, yearOffset: nil), end: i + 1) }
            if let y = Self.year(rest) { return Parsed(core: .year(y), end: i + 1) }
        }
        // Month first: `August 15th`, `Aug. 15, 2024`, `November 2021`, `June this year`, `June`.
        if t.isCapitalized, let month = Lexicon.months[t.lower], t.lower != "may" || isMonthMay(tokens, i, upper) {
            var k = i + 1
            if k < upper, tokens[k].isPunct("."), t.lower.count <= 4 { k += 1 }
            if k < upper, tokens[k].kind == .number, let d = Self.dayNumber(tokens[k].text) {
                var end = k + 1
                if end + 1 < upper, tokens[end].isPunct(","), let y = Self.year(tokens[end + 1].text) {
                    end += 2
                    if let day = Day(year: y, month: month, day: d) { return Parsed(core: .day(day), end: end) }
                } else if end < upper, let y = Self.year(tokens[end].text) {
                    if let day = Day(year: y, month: month, day: d) { return Parsed(core: .day(day), end: end + 1) }
                }
                return Parsed(core: .monthDay(month: month, day: d), end: end)
            }
            if k < upper, let y = Self.year(tokens[k].text) { return Parsed(core: .month(month: month, year: y, yearOffset: nil), end: k + 1) }
            var m = k
            if word(m) == "of" { m += 1 }
            if let rel = word(m), let offset = ["this": 0, "last": -1, "next": 1][rel], word(m + 1) == "year" {
                return Parsed(core: .month(month: month, year: nil, yearOffset: offset), end: m + 2)
            }
            return Parsed(core: .month(month: month, year: nil, yearOffset: nil), end: i + 1)
        }
        // Day first: `15 August 2024`, `15th of August`.
        if t.kind == .number, let d = Self.dayNumber(t.text) {
            var k = i + 1
            if word(k) == "of" { k += 1 }
            if k < upper, tokens[k].isCapitalized, let month = Lexicon.months[tokens[k].lower] {
                var end = k + 1
                if end < upper, tokens[end].isPunct("."), tokens[k].lower.count <= 4 { end += 1 }
                if end < upper, let y = Self.year(tokens[end].text), let day = Day(year: y, month: month, day: d) {
                    return Parsed(core: .day(day), end: end + 1)
                }
                return Parsed(core: .monthDay(month: month, day: d), end: end)
            }
        }
        if t.kind == .number, let y = Self.year(t.text), looksLikeYear(tokens, i, sentence: sentence) {
            return Parsed(core: .year(y), end: i + 1)
        }
        // Weekdays, with `last`/`next`/`this` before them.
        if t.isCapitalized, let w = Lexicon.weekdays[t.lower] { return Parsed(core: .weekday(w, relative: nil), end: i + 1) }
        if ["last", "next", "this"].contains(t.lower), i + 1 < upper, tokens[i + 1].isCapitalized,
           let w = Lexicon.weekdays[tokens[i + 1].lower] {
            return Parsed(core: .weekday(w, relative: t.lower), end: i + 2)
        }
        switch t.lower {
        case "today", "tonight": return Parsed(core: .relativeDay(0), end: i + 1)
        case "yesterday": return Parsed(core: .relativeDay(-1), end: i + 1)
        case "tomorrow": return Parsed(core: .relativeDay(1), end: i + 1)
        case "this", "last", "next":
            let offset = ["this": 0, "last": -1, "next": 1][t.lower]!
            if word(i + 1) == "year" { return Parsed(core: .relativeYear(offset), end: i + 2) }
            if word(i + 1) == "month" { return Parsed(core: .relativeMonth(offset), end: i + 2) }
        case "earlier", "later":
            if word(i + 1) == "this", let unit = word(i + 2), unit == "year" || unit == "month" {
                return Parsed(core: unit == "year" ? .relativeYear(0) : .relativeMonth(0), end: i + 3)
            }
        default: break
        }
        // `two days ago`, `three years ago`
        if let n = Self.count(t), i + 2 < upper, word(i + 2) == "ago", let unit = word(i + 1) {
            switch unit {
            case "day", "days": return Parsed(core: .relativeDay(-n), end: i + 3)
            case "month", "months": return Parsed(core: .relativeMonth(-n), end: i + 3)
            case "year", "years": return Parsed(core: .relativeYear(-n), end: i + 3)
            default: break
            }
        }
        return nil
    }

    /// `May` is a month only near a number, a year word or a time preposition.
    private func isMonthMay(_ tokens: [Token], _ i: Int, _ upper: Int) -> Bool {
        if i + 1 < upper, tokens[i + 1].kind == .number { return true }
        if i > 0, ["in", "since", "until", "early", "late", "mid", "of", "by", "before", "after", "last", "next", "this"].contains(tokens[i - 1].lower) { return true }
        return false
    }

    /// A bare four-digit number reads as a year after a time word or before punctuation, not
    /// before a unit (`1500 troops`).
    private func looksLikeYear(_ tokens: [Token], _ i: Int, sentence: Range<Int>) -> Bool {
        if i > sentence.lowerBound {
            let before = tokens[i - 1]
            if before.isPunct("$") || before.isPunct("\u{20AC}") || before.isPunct("\u{00A3}") { return false }
            if ["in", "since", "until", "by", "before", "after", "of", "from", "to", "between", "and", "or", "early",
                "late", "mid", "during", "year", "the", "through", "till", "around", "circa", "\u{2013}", "-", ","].contains(before.lower) {
                return true
            }
        }
        guard i + 1 < sentence.upperBound else { return true }
        let after = tokens[i + 1]
        return after.kind == .punctuation || after.lower == "and" || after.lower == "or"
    }

    static func year(_ text: String) -> Int? {
        guard text.count == 4, text.allSatisfy(\.isASCII), let y = Int(text), (1800...2100).contains(y) else { return nil }
        return y
    }

    static func dayNumber(_ text: String) -> Int? {
        var digits = text.lowercased()
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
        guard digits.count <= 2, let d = Int(digits), (1...31).contains(d) else { return nil }
        return d
    }

    private static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    ]

    static func count(_ t: Token) -> Int? {
        if t.kind == .number { return Int(t.text) }
        return numberWords[t.lower]
    }

    // MARK: Resolving

    private func resolve(_ parsed: Parsed, tense: Tense) -> EventDate? {
        let pub = publishedAt
        switch parsed.core {
        case .day(let day):
            return .day(day, phrase: "")
        case .monthDay(let m, let d):
            let candidates = [pub.year - 1, pub.year, pub.year + 1].compactMap { Day(year: $0, month: m, day: d) }
            let pick: Day?
            switch tense {
            case .past: pick = candidates.last(where: { $0 <= pub })
            case .future: pick = candidates.first(where: { $0 >= pub })
            case .unknown: pick = candidates.min(by: { abs($0.ordinal - pub.ordinal) < abs($1.ordinal - pub.ordinal) })
            }
            return pick.map { .day($0, phrase: "") }
        case .month(let m, let year, let offset):
            if let year { return Self.month(m, year: year) }
            if let offset { return Self.month(m, year: pub.year + offset) }
            let index = pub.year * 12 + pub.month - 1
            let candidates = [pub.year - 1, pub.year, pub.year + 1].map { $0 * 12 + m - 1 }
            let pick: Int?
            switch tense {
            case .past: pick = candidates.last(where: { $0 <= index })
            case .future: pick = candidates.first(where: { $0 >= index })
            case .unknown: pick = candidates.min(by: { abs($0 - index) < abs($1 - index) || (abs($0 - index) == abs($1 - index) && $0 < $1) })
            }
            return pick.flatMap { Self.month($0 % 12 + 1, year: $0 / 12) }
        case .year(let y):
            return Self.year(y)
        case .weekday(let w, let relative):
            let back = (pub.weekday - w + 7) % 7
            let ahead = (w - pub.weekday + 7) % 7
            let day: Day
            switch (relative, tense) {
            case ("last", _): day = pub.adding(days: back == 0 ? -7 : -back)
            case ("next", _): day = pub.adding(days: ahead == 0 ? 7 : ahead)
            case (_, .past): day = pub.adding(days: -back)
            case (_, .future): day = pub.adding(days: ahead)
            default: day = pub.adding(days: w - pub.weekday)
            }
            return .day(day, phrase: "")
        case .relativeDay(let n):
            return .day(pub.adding(days: n), phrase: "")
        case .relativeMonth(let n):
            let index = pub.year * 12 + pub.month - 1 + n
            return Self.month(index % 12 + 1, year: index / 12)
        case .relativeYear(let n):
            return Self.year(pub.year + n)
        }
    }

    private static func month(_ m: Int, year: Int) -> EventDate? {
        guard let first = Day.first(ofMonth: m, year: year), let last = Day.last(ofMonth: m, year: year) else { return nil }
        return EventDate(phrase: "", value: String(first.description.prefix(7)), precision: .month, earliest: first, latest: last)
    }

    private static func year(_ y: Int) -> EventDate? {
        guard let first = Day(year: y, month: 1, day: 1), let last = Day(year: y, month: 12, day: 31) else { return nil }
        return EventDate(phrase: "", value: String(first.description.prefix(4)), precision: .year, earliest: first, latest: last)
    }

    /// Narrows or widens the range for a modifier: `late June` is its last ten days, `since
    /// November` runs to the publication day.
    private func apply(_ modifier: EventDate.Modifier?, to date: inout EventDate) {
        guard let modifier else { return }
        date.modifier = modifier
        switch (modifier, date.precision) {
        case (.early, .month), (.mid, .month), (.late, .month):
            let y = date.earliest.year, m = date.earliest.month
            let range = modifier == .early ? (1, 10) : modifier == .mid ? (11, 20) : (21, Day.daysIn(month: m, year: y))
            date.earliest = Day(year: y, month: m, day: range.0)!
            date.latest = Day(year: y, month: m, day: range.1)!
        case (.early, .year), (.mid, .year), (.late, .year):
            let y = date.earliest.year
            let months = modifier == .early ? (1, 4) : modifier == .mid ? (5, 8) : (9, 12)
            date.earliest = Day.first(ofMonth: months.0, year: y)!
            date.latest = Day.last(ofMonth: months.1, year: y)!
        case (.since, _):
            if date.latest < publishedAt { date.latest = publishedAt }
        default:
            break
        }
    }
}
