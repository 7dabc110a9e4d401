/// Holidays news dates things by: `on Christmas Eve`, `found Thanksgiving Day`.
extension TimeExpressionParser {
    /// A holiday's words (lower case, possessives dropped) and the day it falls on.
    private static let holidays: [(words: [String], core: TimeCore)] = [
        (["christmas", "eve"], .monthDay(month: 12, day: 24)),
        (["christmas", "day"], .monthDay(month: 12, day: 25)),
        (["christmas"], .monthDay(month: 12, day: 25)),
        (["boxing", "day"], .monthDay(month: 12, day: 26)),
        (["new", "year", "eve"], .monthDay(month: 12, day: 31)),
        (["new", "year", "day"], .monthDay(month: 1, day: 1)),
        (["valentine", "day"], .monthDay(month: 2, day: 14)),
        (["halloween"], .monthDay(month: 10, day: 31)),
        // The United States' Thanksgiving: the fourth Thursday of November.
        (["thanksgiving", "day"], .nthWeekday(month: 11, weekday: 4, n: 4)),
        (["thanksgiving"], .nthWeekday(month: 11, weekday: 4, n: 4)),
    ]

    /// The holiday whose capitalized words start at token `i`, if any.
    func holiday(at i: Int) -> ParsedCore? {
        guard tokens[i].isCapitalized else { return nil }
        for (words, core) in Self.holidays where i + words.count <= sentence.upperBound {
            let span = i..<(i + words.count)
            if zip(span, words).allSatisfy({ tokens[$0].lower == $1 && tokens[$0].isCapitalized }) {
                return ParsedCore(core: core, end: span.upperBound)
            }
        }
        return nil
    }
}
