import NewsModel

extension TimeExpressionParser {
    private static let units: [String: TimeUnit] = [
        "day": .day, "days": .day, "week": .week, "weeks": .week, "month": .month, "months": .month,
        "quarter": .quarter, "quarters": .quarter, "year": .year, "years": .year,
    ]
    private static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night"]
    /// Words after which `later` is not the adverb that means "after the last date" (`hours
    /// later`, `much later`, `a later date`).
    private static let notBeforeLater: Set<String> = [
        "hours", "hour", "minutes", "minute", "moments", "decade", "decades", "much", "even", "no", "a", "the", "at",
        "until", "till", "or", "sooner", "and", "later",
    ]
    private static let determiners: Set<String> = ["a", "an", "its", "his", "her", "their", "our", "that", "this", "whose", "my", "your"]
    /// Singular nouns that follow a count (`2000 people`).
    private static let countNouns: Set<String> = [
        "people", "police", "staff", "personnel", "men", "women", "children", "feet", "head", "cattle", "percent", "per",
    ]
    private static let ordinals: [String: Int] = ["first": 1, "second": 2, "third": 3, "fourth": 4]

    /// Quarters: `Q1 2024`, `the first quarter of 2024`, `third-quarter`, `the fourth quarter`.
    func quarter(at i: Int) -> ParsedCore? {
        let t = tokens[i]
        if t.kind == .word, t.text.count == 2, t.text.hasPrefix("Q"), let q = Int(t.text.dropFirst()), (1...4).contains(q) {
            if let next = word(i + 1), let y = Self.year(next) {
                return ParsedCore(core: .quarter(q, year: y, yearOffset: nil), end: i + 2)
            }
            return ParsedCore(core: .quarter(q, year: nil, yearOffset: nil), end: i + 1)
        }
        var k = i
        if t.lower == "the" { k += 1 }
        guard let ordinal = word(k) else { return nil }
        let q: Int
        if ordinal.hasSuffix("-quarter"), let n = Self.ordinals[String(ordinal.dropLast(8))] {
            q = n
            k += 1
        } else if let n = Self.ordinals[ordinal], word(k + 1) == "quarter" {
            q = n
            k += 2
        } else {
            return nil
        }
        if word(k) == "of" || word(k) == "in" {
            if let next = word(k + 1), let y = Self.year(next) {
                return ParsedCore(core: .quarter(q, year: y, yearOffset: nil), end: k + 2)
            }
            if let rel = word(k + 1), let offset = ["this": 0, "last": -1, "next": 1][rel], word(k + 2) == "year" {
                return ParsedCore(core: .quarter(q, year: nil, yearOffset: offset), end: k + 3)
            }
        }
        return ParsedCore(core: .quarter(q, year: nil, yearOffset: nil), end: k)
    }

    /// Weekdays, `yesterday`, `last week`, `the following day`, `two days later` and the like.
    func relative(at i: Int) -> ParsedCore? {
        let t = tokens[i]
        // Weekdays, with `last`, `next` or `this` before them and a part of the day after.
        if t.isCapitalized, let w = Lexicon.weekdays[t.lower] { return withPartOfDay(.weekday(w, relative: nil), end: i + 1) }
        let offsets = ["this": 0, "last": -1, "next": 1]
        // Not `the last week of June`, `the next day`: those count from elsewhere.
        if let offset = offsets[t.lower], let next = word(i + 1), i == sentence.lowerBound || tokens[i - 1].lower != "the" {
            if tokens[i + 1].isCapitalized, let w = Lexicon.weekdays[next] {
                return withPartOfDay(.weekday(w, relative: t.lower), end: i + 2)
            }
            if tokens[i + 1].isCapitalized, let m = Lexicon.months[next], next.count > 3 || next == "may" {
                return ParsedCore(core: .relativeMonthName(m, relative: t.lower), end: i + 2)
            }
            // `This Week` inside a sentence is a name.
            if t.isCapitalized, i != sentence.lowerBound, tokens[i + 1].isCapitalized { return nil }
            if next == "weekend" { return ParsedCore(core: .weekend(relative: t.lower), end: i + 2) }
            if let unit = Self.units[next], unit != .day, !next.hasSuffix("s") {
                return ParsedCore(core: .relative(unit, offset), end: i + 2)
            }
            // `this morning`, `last night`
            if t.lower == "this", Self.partsOfDay.contains(next) { return ParsedCore(core: .relative(.day, 0), end: i + 2) }
            if t.lower == "last", next == "night" { return ParsedCore(core: .relative(.day, -1), end: i + 2) }
        }
        switch t.lower {
        case "today", "tonight": return ParsedCore(core: .relative(.day, 0), end: i + 1)
        case "yesterday": return withPartOfDay(.relative(.day, -1), end: i + 1)
        case "tomorrow": return withPartOfDay(.relative(.day, 1), end: i + 1)
        case "earlier", "later":
            return earlierOrLater(at: i)
        case "year-ago", "year-earlier":
            let noun = word(i + 1)
            return ParsedCore(core: .yearEarlier(fromPublication: true), end: noun == "quarter" || noun == "period" ? i + 2 : i + 1)
        case "the":
            return afterThe(at: i)
        case "current":
            // `the current quarter`, `the current fiscal year`: this one.
            let k = word(i + 1) == "fiscal" ? i + 2 : i + 1
            if let next = word(k), let unit = Self.units[next], unit != .day, !next.hasSuffix("s") {
                return ParsedCore(core: .relative(unit, 0), end: k + 1)
            }
        case "that":
            // `that day`, `that week`: the last one mentioned.
            if let next = word(i + 1), let unit = Self.units[next] ?? (Self.partsOfDay.contains(next) ? .day : nil), !next.hasSuffix("s") {
                return ParsedCore(core: .anchored(unit, 0), end: i + 2)
            }
        default: break
        }
        return counted(at: i)
    }

    /// `Monday morning`, `yesterday evening`: the part of the day stays in the phrase.
    private func withPartOfDay(_ core: TimeCore, end: Int) -> ParsedCore {
        if let next = word(end), Self.partsOfDay.contains(next) { return ParsedCore(core: core, end: end + 1) }
        return ParsedCore(core: core, end: end)
    }

    /// `earlier this month`, `later that day`, `later in the day`, and `later` on its own.
    private func earlierOrLater(at i: Int) -> ParsedCore? {
        if let next = word(i + 1), next == "this" || next == "that", let unitWord = word(i + 2), let unit = Self.units[unitWord],
            !unitWord.hasSuffix("s")
        {
            return ParsedCore(core: next == "this" ? .relative(unit, 0) : .anchored(unit, 0), end: i + 3, extentStart: i + 1)
        }
        if word(i + 1) == "in", word(i + 2) == "the", let unitWord = word(i + 3), let unit = Self.units[unitWord], !unitWord.hasSuffix("s")
        {
            return ParsedCore(core: .anchored(unit, 0), end: i + 4, extentStart: i + 2)
        }
        // `later` alone, as an adverb: `Later, police said`, `was later arrested`.
        guard tokens[i].lower == "later" else { return nil }
        if i > sentence.lowerBound {
            let before = tokens[i - 1]
            guard before.kind != .number, !before.isPunct("-"), Self.count(before) == nil, Self.units[before.lower] == nil,
                !Self.notBeforeLater.contains(before.lower)
            else { return nil }
        }
        let next = i + 1 < sentence.upperBound ? tokens[i + 1] : nil
        if next == nil || next!.kind == .punctuation || Tense.isPastVerb(next!.lower) { return ParsedCore(core: .afterAnchor, end: i + 1) }
        return nil
    }

    /// Phrases opening with `the`: `the following day`, `the day before`, `the weekend`, `the
    /// week of March 5`, `the 1990s`, `the first quarter`.
    private func afterThe(at i: Int) -> ParsedCore? {
        guard let next = word(i + 1) else { return nil }
        let steps = ["following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0]
        if let step = steps[next], let unitWord = word(i + 2) {
            if let unit = Self.units[unitWord], !unitWord.hasSuffix("s") { return ParsedCore(core: .anchored(unit, step), end: i + 3) }
            if Self.partsOfDay.contains(unitWord) { return ParsedCore(core: .anchored(.day, step), end: i + 3) }
        }
        if next == "weekend" { return ParsedCore(core: .weekend(relative: nil), end: i + 2) }
        if next == "quarter" { return ParsedCore(core: .latestQuarter, end: i + 2) }
        if next == "latest" || next == "current", word(i + 2) == "quarter" {
            return ParsedCore(core: next == "latest" ? .latestQuarter : .relative(.quarter, 0), end: i + 3)
        }
        if next == "year-ago" || next == "year-earlier", let noun = word(i + 2), noun == "quarter" || noun == "period" {
            return ParsedCore(core: .yearEarlier(fromPublication: true), end: i + 3)
        }
        if next == "week", word(i + 2) == "of", i + 3 < sentence.upperBound, let inner = core(at: i + 3) {
            switch inner.core {
            case .day, .monthDay: return ParsedCore(core: .weekOf(inner.core), end: inner.end)
            default: return nil
            }
        }
        // `the day before`, `the night after`, when no other happening follows to count from.
        if next == "day" || next == "night", let side = word(i + 2), side == "before" || side == "after" {
            let after = i + 3
            if after >= sentence.upperBound || tokens[after].kind == .punctuation {
                return ParsedCore(core: .anchored(.day, side == "before" ? -1 : 1), end: i + 3)
            }
        }
        return nil
    }

    /// `eight days ago`, `two days later`, `a week earlier`, `three years before.`
    private func counted(at i: Int) -> ParsedCore? {
        guard let n = Self.count(tokens[i]), let unitWord = word(i + 1), let unit = Self.units[unitWord],
            let direction = word(i + 2)
        else { return nil }
        if n == 1, unit == .year, direction == "ago" || direction == "earlier" {
            return ParsedCore(core: .yearEarlier(fromPublication: direction == "ago"), end: i + 3)
        }
        switch direction {
        case "ago": return ParsedCore(core: unit == .week ? .relative(.week, -n) : .relative(unit, -n), end: i + 3)
        // `a week later` is the day seven days on.
        case "later": return ParsedCore(core: unit == .week ? .anchored(.day, 7 * n) : .anchored(unit, n), end: i + 3)
        case "earlier": return ParsedCore(core: unit == .week ? .anchored(.day, -7 * n) : .anchored(unit, -n), end: i + 3)
        case "before", "after":
            // Only when nothing follows to count from (`two days before the vote` counts from the vote).
            guard i + 3 >= sentence.upperBound || tokens[i + 3].kind == .punctuation else { return nil }
            let step = direction == "before" ? -n : n
            return ParsedCore(core: unit == .week ? .anchored(.day, 7 * step) : .anchored(unit, step), end: i + 3)
        default: return nil
        }
    }

    // MARK: Word helpers

    /// `May` is a month only near a number, a year word or a time preposition.
    func isMonthMay(_ i: Int) -> Bool {
        if i + 1 < sentence.upperBound, tokens[i + 1].kind == .number { return true }
        if i > 0,
            ["in", "since", "until", "early", "late", "mid", "of", "by", "before", "after", "last", "next", "this"].contains(
                tokens[i - 1].lower)
        {
            return true
        }
        return false
    }

    /// A bare four-digit number reads as a year after a time word or before punctuation, not
    /// before a unit (`1500 troops`).
    func looksLikeYear(_ i: Int) -> Bool {
        if i > sentence.lowerBound {
            let before = tokens[i - 1]
            if before.isPunct("$") || before.isPunct("\u{20AC}") || before.isPunct("\u{00A3}") { return false }
            if [
                "in", "since", "until", "by", "before", "after", "of", "from", "to", "between", "and", "or", "early",
                "late", "mid", "during", "year", "the", "through", "till", "around", "circa", "\u{2013}", "-", ",",
            ].contains(before.lower) {
                return true
            }
        }
        guard i + 1 < sentence.upperBound else { return true }
        let after = tokens[i + 1]
        if after.kind == .punctuation || after.lower == "and" || after.lower == "or" { return true }
        // `its 1990 invasion`, `his unsuccessful 1996 campaign`: a year before a singular noun.
        guard let y = Int(tokens[i].text), (1900...2099).contains(y), after.kind == .word, !after.lower.hasSuffix("s"),
            !Self.countNouns.contains(after.lower), i > sentence.lowerBound
        else { return false }
        let before = tokens[i - 1]
        if Self.determiners.contains(before.lower) { return true }
        return before.kind == .word && !before.isCapitalized && i - 2 >= sentence.lowerBound
            && Self.determiners.contains(tokens[i - 2].lower)
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
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    ]

    static func count(_ t: Token) -> Int? {
        if t.kind == .number { return Int(t.text) }
        return numberWords[t.lower]
    }
}
