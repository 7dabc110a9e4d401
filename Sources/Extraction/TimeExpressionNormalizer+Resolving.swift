import NewsModel

extension TimeExpressionNormalizer {
    /// Places a core on the calendar: against the publication day, or the anchor for phrases
    /// that count from the last date mentioned. Nil when it names no date.
    func resolve(_ core: TimeCore, tense: Tense, anchor: TimeAnchor) -> EventDate? {
        let pub = publishedAt
        switch core {
        case .day(let day):
            return .day(day, phrase: "")
        case .monthDay(let m, let d):
            return yearly(tense: tense) { Day(year: $0, month: m, day: d) }
        case .nthWeekday(let m, let w, let n):
            return yearly(tense: tense) { year in
                Day(year: year, month: m, day: 1).map { first in first.adding(days: (w - first.weekday + 7) % 7 + 7 * (n - 1)) }
            }
        case .month(let m, let year, let offset):
            if let year { return .month(m, year: year) }
            if let offset { return .month(m, year: pub.year + offset) }
            let candidates = [pub.year - 1, pub.year, pub.year + 1].map { $0 * 12 + m - 1 }
            return pick(candidates, around: pub.year * 12 + pub.month - 1, tense: tense).flatMap { .month($0 % 12 + 1, year: $0 / 12) }
        case .year(let y):
            return .year(y)
        case .decade(let y):
            return .decade(startingIn: y)
        case .quarter(let q, let year, let offset):
            if let year { return .quarter(q, year: year) }
            if let offset { return .quarter(q, year: pub.year + offset) }
            // Quarters are reported after they end: `will report third-quarter results` in
            // October is the quarter just ended, so the future takes the nearest.
            let candidates = [pub.year - 1, pub.year, pub.year + 1].map { $0 * 4 + q - 1 }
            return pick(candidates, around: pub.year * 4 + (pub.month - 1) / 3, tense: tense == .future ? .unknown : tense).flatMap {
                .quarter($0 % 4 + 1, year: $0 / 4)
            }
        case .weekday(let w, let relative):
            return .day(weekday(w, relative: relative, tense: tense), phrase: "")
        case .weekend(let relative):
            // On a Sunday, `last weekend` is the one before this one.
            let saturday = weekday(6, relative: relative, tense: tense)
            return .weekend(of: relative == "last" && publishedAt.weekday == 7 ? saturday.adding(days: -7) : saturday)
        case .weekOf(let inner):
            guard let day = resolve(inner, tense: tense, anchor: anchor), day.precision == .day else { return nil }
            return .week(containing: day.earliest)
        case .relative(let unit, let n):
            return shifted(pub, unit, n)
        case .anchored(let unit, let n):
            // Before any date is mentioned, the publication day; after `in March`, no day.
            guard let base = anchor.start(of: unit) ?? (anchor.hasMentions ? nil : pub) else { return nil }
            return shifted(base, unit, n)
        case .relativeMonthName(let m, let relative):
            let now = pub.year * 12 + pub.month - 1
            let candidates = [pub.year - 1, pub.year, pub.year + 1].map { $0 * 12 + m - 1 }
            let index =
                relative == "last"
                ? candidates.last(where: { $0 < now }) : relative == "next" ? candidates.first(where: { $0 > now }) : pub.year * 12 + m - 1
            return index.flatMap { .month($0 % 12 + 1, year: $0 / 12) }
        case .latestQuarter:
            if let start = anchor.namedQuarter { return shifted(start, .quarter, 0) }
            return shifted(pub, .quarter, -1)
        case .yearEarlier(let fromPublication):
            if anchor.lastPrecision == .quarter, let start = anchor.start(of: .quarter) { return shifted(start, .quarter, -4) }
            guard let base = fromPublication ? pub : anchor.start(of: .year) ?? (anchor.hasMentions ? nil : pub) else { return nil }
            return shifted(base, .year, -1)
        case .afterAnchor:
            // `later` in a sentence about the future says nothing of when.
            guard tense != .future, let day = anchor.start(of: .day), day <= pub else { return nil }
            return EventDate(phrase: "", value: day.description, precision: .day, modifier: .after, earliest: day, latest: pub)
        }
    }

    /// A day that comes back every year, in the year nearest publication that fits: a day within
    /// a month of publication is that one whatever the tense (a paper dated the evening before
    /// writes `said on Oct. 26` of the next day); otherwise the tense picks.
    private func yearly(tense: Tense, _ day: (Int) -> Day?) -> EventDate? {
        let pub = publishedAt
        let candidates = [pub.year - 1, pub.year, pub.year + 1].compactMap(day).map(\.ordinal)
        let near = candidates.first { abs($0 - pub.ordinal) <= 31 }
        return (near ?? pick(candidates, around: pub.ordinal, tense: tense)).map { .day(Day(ordinal: $0), phrase: "") }
    }

    /// Of the same month, day or quarter in neighbouring years (as ordinals), the most recent
    /// for the past, the next for the future, the nearest otherwise (the earlier on a tie).
    private func pick(_ candidates: [Int], around now: Int, tense: Tense) -> Int? {
        switch tense {
        case .past: candidates.last(where: { $0 <= now })
        case .future: candidates.first(where: { $0 >= now })
        case .unknown: candidates.min(by: { abs($0 - now) < abs($1 - now) || (abs($0 - now) == abs($1 - now) && $0 < $1) })
        }
    }

    /// A weekday (1 is Monday): `last` is the one before the publication day, `next` the one
    /// after; otherwise the past tense takes the most recent (the publication day itself when
    /// it is that weekday), the future the coming one, and no tense the one of the same week.
    private func weekday(_ w: Int, relative: String?, tense: Tense) -> Day {
        let pub = publishedAt
        let back = (pub.weekday - w + 7) % 7
        let ahead = (w - pub.weekday + 7) % 7
        switch (relative, tense) {
        case ("last", _): return pub.adding(days: back == 0 ? -7 : -back)
        case ("next", _): return pub.adding(days: ahead == 0 ? 7 : ahead)
        case (_, .past): return pub.adding(days: -back)
        case (_, .future): return pub.adding(days: ahead)
        default: return pub.adding(days: w - pub.weekday)
        }
    }

    /// The day, week, month, quarter or year `n` units from the one holding `day`.
    private func shifted(_ day: Day, _ unit: TimeUnit, _ n: Int) -> EventDate? {
        switch unit {
        case .day:
            return .day(day.adding(days: n), phrase: "")
        case .week:
            return .week(containing: day.adding(days: 7 * n))
        case .month:
            let index = day.year * 12 + day.month - 1 + n
            return .month(index % 12 + 1, year: index / 12)
        case .quarter:
            let index = day.year * 4 + (day.month - 1) / 3 + n
            return .quarter(index % 4 + 1, year: index / 4)
        case .year:
            return .year(day.year + n)
        }
    }
}
