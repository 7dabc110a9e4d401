import NewsModel

/// Reads the words of one sentence into time cores: what a phrase says, not yet placed on the
/// calendar.
struct TimeExpressionParser {
    let tokens: [Token]
    let sentence: Range<Int>
    /// Two-digit years (`'90s`, `11/02/89`) take the century that puts them nearest before it.
    let publishedYear: Int

    /// The words before a core: the phrase (`on`, `since`, `late`, `the end of`) and its TIMEX3
    /// extent, which leaves out signal words such as `on` and `since`.
    struct Lead {
        var modifier: EventDate.Modifier?
        var phraseStart: Int
        var extentStart: Int
        var coreStart: Int
    }

    func word(_ k: Int) -> String? { k < sentence.upperBound ? tokens[k].lower : nil }

    private static let modifierWords: [String: EventDate.Modifier] = [
        "early": .early, "mid": .mid, "late": .late, "since": .since, "until": .until, "till": .until,
        "before": .before, "after": .after, "around": .about, "about": .about, "circa": .about,
        "approximately": .about, "by": .before,
    ]
    private static let signals: Set<String> = ["on", "since", "until", "till", "before", "after", "by"]
    private static let parts: Set<EventDate.Modifier> = [.early, .mid, .late]

    /// The lead of a phrase starting at `i`, or nil when no core follows.
    func lead(at i: Int) -> Lead? {
        let t = tokens[i]
        guard t.kind != .punctuation else { return nil }
        if t.lower.hasPrefix("mid-"), core(at: i) != nil { return Lead(modifier: .mid, phraseStart: i, extentStart: i, coreStart: i) }
        var lead = Lead(modifier: nil, phraseStart: i, extentStart: i, coreStart: i)
        if t.lower == "on", !t.isCapitalized || i == sentence.lowerBound {
            lead.coreStart = i + 1
            lead.extentStart = i + 1
        } else if let m = Self.modifierWords[t.lower] {
            lead.modifier = m
            lead.coreStart = i + 1
            lead.extentStart = Self.signals.contains(t.lower) ? i + 1 : i
            // `since late June`, `until early 2025`
            if let next = word(i + 1), let inner = Self.modifierWords[next], Self.parts.contains(inner) {
                lead.modifier = inner
                lead.extentStart = i + 1
                lead.coreStart = i + 2
            }
        } else if t.lower == "the", let next = word(i + 1), let m = Self.modifierWords[next], Self.parts.contains(m),
            i + 2 < sentence.upperBound, case .decade = core(at: i + 2)?.core
        {
            // `the late 1990s`
            lead.modifier = m
            lead.coreStart = i + 2
        } else if t.lower == "the", word(i + 2) == "of",
            let m = ["end": EventDate.Modifier.late, "beginning": .early, "start": .early, "middle": .mid][tokens[i + 1].lower]
        {
            lead.modifier = m
            lead.coreStart = i + 3
        }
        guard lead.coreStart < sentence.upperBound else { return nil }
        if lead.coreStart == i { return lead }
        // A lead word only counts when a core follows it.
        guard core(at: lead.coreStart) != nil else { return nil }
        return lead
    }

    /// The core starting at token `i`, if any.
    func core(at i: Int) -> ParsedCore? {
        explicit(at: i) ?? relative(at: i)
    }

    // MARK: Calendar dates

    /// Dates that name their day, month, quarter, year or decade.
    private func explicit(at i: Int) -> ParsedCore? {
        let upper = sentence.upperBound
        let t = tokens[i]
        if t.kind == .number, let day = Day(t.text) { return ParsedCore(core: .day(day), end: i + 1) }
        if let numeric = numericDate(at: i) { return numeric }
        if t.kind == .word, t.lower.hasPrefix("mid-") {
            let rest = String(t.lower.dropFirst(4))
            if let m = Lexicon.months[rest], rest.count >= 3 {
                return ParsedCore(core: .month(month: m, year: nil, yearOffset: nil), end: i + 1)
            }
            if let y = Self.year(rest) { return ParsedCore(core: .year(y), end: i + 1) }
            if rest.count == 5, rest.hasSuffix("s"), let y = Self.year(String(rest.dropLast())), y % 10 == 0 {
                return ParsedCore(core: .decade(y), end: i + 1)
            }
        }
        if let monthFirst = monthFirst(at: i) { return monthFirst }
        if let holiday = holiday(at: i) { return holiday }
        // Day first: `15 August 2024`, `15th of August`.
        if t.kind == .number, let d = Self.dayNumber(t.text) {
            var k = i + 1
            if word(k) == "of" { k += 1 }
            if k < upper, tokens[k].isCapitalized, let month = Lexicon.months[tokens[k].lower] {
                var end = k + 1
                if end < upper, tokens[end].isPunct("."), tokens[k].lower.count <= 4 { end += 1 }
                if end < upper, let y = Self.year(tokens[end].text), let day = Day(year: y, month: month, day: d) {
                    return ParsedCore(core: .day(day), end: end + 1)
                }
                return ParsedCore(core: .monthDay(month: month, day: d), end: end)
            }
        }
        if let decade = decade(at: i) { return decade }
        if t.kind == .number, let y = Self.year(t.text), looksLikeYear(i) {
            return ParsedCore(core: .year(y), end: i + 1)
        }
        return quarter(at: i)
    }

    /// Month first: `August 15th`, `Aug. 15, 2024`, `November 2021`, `June this year`, `June`.
    private func monthFirst(at i: Int) -> ParsedCore? {
        let upper = sentence.upperBound
        let t = tokens[i]
        guard t.isCapitalized, let month = Lexicon.months[t.lower], t.lower != "may" || isMonthMay(i) else { return nil }
        var k = i + 1
        // An abbreviation (`Jan`, `Mar`) without its dot or a day after it may be a name (`Jan Kavan`).
        let abbreviated = t.lower.count <= 4 && !["may", "june", "july"].contains(t.lower)
        if abbreviated, !(k < upper && (tokens[k].isPunct(".") || tokens[k].kind == .number)) { return nil }
        if k < upper, tokens[k].isPunct("."), t.lower.count <= 4 { k += 1 }
        if k < upper, tokens[k].kind == .number, let d = Self.dayNumber(tokens[k].text) {
            let end = k + 1
            if end + 1 < upper, tokens[end].isPunct(","), let y = Self.year(tokens[end + 1].text) {
                if let day = Day(year: y, month: month, day: d) { return ParsedCore(core: .day(day), end: end + 2) }
            } else if end < upper, let y = Self.year(tokens[end].text) {
                if let day = Day(year: y, month: month, day: d) { return ParsedCore(core: .day(day), end: end + 1) }
            }
            return ParsedCore(core: .monthDay(month: month, day: d), end: end)
        }
        if k < upper, let y = Self.year(tokens[k].text) {
            return ParsedCore(core: .month(month: month, year: y, yearOffset: nil), end: k + 1)
        }
        var m = k
        if word(m) == "of" { m += 1 }
        if let rel = word(m), let offset = ["this": 0, "last": -1, "next": 1][rel], word(m + 1) == "year" {
            return ParsedCore(core: .month(month: month, year: nil, yearOffset: offset), end: m + 2)
        }
        return ParsedCore(core: .month(month: month, year: nil, yearOffset: nil), end: i + 1)
    }

    /// `11/02/89` or `11/2/1989`, month first.
    private func numericDate(at i: Int) -> ParsedCore? {
        guard i + 4 < sentence.upperBound, tokens[i].kind == .number, tokens[i + 1].isPunct("/"), tokens[i + 2].kind == .number,
            tokens[i + 3].isPunct("/"), tokens[i + 4].kind == .number,
            tokens[i + 1].start == tokens[i].end, tokens[i + 4].start == tokens[i + 3].end,
            let m = Int(tokens[i].text), let d = Int(tokens[i + 2].text), tokens[i + 2].text.count <= 2
        else { return nil }
        let yearText = tokens[i + 4].text
        guard let y = yearText.count == 2 ? Int(yearText).map(century) : Self.year(yearText),
            let day = Day(year: y, month: m, day: d)
        else { return nil }
        return ParsedCore(core: .day(day), end: i + 5)
    }

    /// `1990s`, or `'90s` and `90s` after `the`: the decade by its first year.
    private func decade(at i: Int) -> ParsedCore? {
        var k = i
        if tokens[k].lower == "the" { k += 1 }
        var apostrophe = false
        if k < sentence.upperBound, tokens[k].isPunct("'") || tokens[k].isPunct("\u{2019}") {
            apostrophe = true
            k += 1
        }
        guard k < sentence.upperBound, !apostrophe || tokens[k].start == tokens[k - 1].end else { return nil }
        let text = tokens[k].lower
        let digits = text.dropLast()
        guard text.hasSuffix("s"), !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n % 10 == 0
        else { return nil }
        switch text.count {
        case 5 where (1000...2090).contains(n): return ParsedCore(core: .decade(n), end: k + 1)
        case 3 where k > i: return ParsedCore(core: .decade(century(n)), end: k + 1)
        default: return nil
        }
    }

    /// A two-digit year in the century that puts it at most ten years after publication.
    private func century(_ yy: Int) -> Int {
        let late = 2000 + yy
        return late <= max(publishedYear, 2000) + 10 ? late : 1900 + yy
    }
}
