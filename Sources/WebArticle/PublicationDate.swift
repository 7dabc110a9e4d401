/// Turns the date values pages publish into `YYYY-MM-DD`, keeping the calendar day as written
/// (an offset such as `-05:00` is not applied).
enum PublicationDate {
    /// The `YYYY-MM-DD` at the start of an ISO 8601 value (`2024-03-05`, `2024-03-05T23:10:00-05:00`,
    /// `20240305`), or nil when the value does not start with a plausible date.
    static func day(from value: String) -> String? {
        let digits = Array(value.trimmingCharacters(in: " \t\n\r\"'"))
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count else { return nil }
            return Int(String(digits[range]))
        }
        var year: Int?
        var month: Int?
        var day: Int?
        if digits.count >= 10, digits[4] == "-" || digits[4] == "/", digits[7] == digits[4] {
            year = number(0..<4)
            month = number(5..<7)
            day = number(8..<10)
        } else if digits.count >= 8, digits[0..<8].allSatisfy(\.isNumber), digits.count == 8 || !digits[8].isNumber {
            year = number(0..<4)
            month = number(4..<6)
            day = number(6..<8)
        }
        if year == nil, let written = writtenDay(in: String(digits)) { (year, month, day) = written }
        guard let year, let month, let day, (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else {
            return nil
        }
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}

extension PublicationDate {
    /// English month names by their first three letters.
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// A date written with an English month name: `19 Nov 2019 07:09 GMT`, `Nov 20, 2019`,
    /// `Tue Nov 19 2019 05:44:06 GMT+0000`.
    static func writtenDay(in value: String) -> (year: Int, month: Int, day: Int)? {
        let tokens = value.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard let monthIndex = tokens.firstIndex(where: { $0.count >= 3 && months.contains(String($0.prefix(3))) }),
            let month = months.firstIndex(of: String(tokens[monthIndex].prefix(3))),
            let year = tokens.lazy.compactMap({ $0.count == 4 ? Int($0) : nil }).first
        else { return nil }
        let nearby = [monthIndex + 1, monthIndex - 1].filter { tokens.indices.contains($0) }
        guard let day = nearby.lazy.compactMap({ tokens[$0].count <= 2 ? Int(tokens[$0]) : nil }).first else { return nil }
        return (year, month + 1, day)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return slice
    }
}
