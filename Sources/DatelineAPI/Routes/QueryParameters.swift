import HTTPServer
import NewsModel

/// A request's query parameters, checked against what its route accepts, read into typed values
/// with 400 answers (naming the parameter) for anything unknown, repeated or malformed.
struct QueryParameters: Sendable {
    /// Accepted by every route: `pretty` indents JSON, `format` picks the representation.
    static let common: Set<String> = ["pretty", "format"]

    private let items: [QueryItem]

    /// Checks that every parameter is one the route accepts and that only `repeatable` ones repeat.
    init(_ items: [QueryItem], allowed: Set<String>, repeatable: Set<String> = []) throws(HTTPError) {
        var seen: Set<String> = []
        for item in items {
            guard allowed.contains(item.name) || Self.common.contains(item.name) else {
                let known = allowed.union(Self.common).sorted().joined(separator: ", ")
                throw APIError.badParameter(item.name, "is not known here; this resource takes \(known).")
            }
            guard seen.insert(item.name).inserted || repeatable.contains(item.name) else {
                throw APIError.badParameter(item.name, "may be given only once.")
            }
        }
        self.items = items
    }

    /// The value of a single-valued parameter, nil when absent.
    func value(_ name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    /// Every value of a repeatable parameter, in order.
    func values(_ name: String) -> [String] {
        items.filter { $0.name == name }.map(\.value)
    }

    /// A value that must not be empty when given.
    func text(_ name: String) throws(HTTPError) -> String? {
        guard let value = value(name) else { return nil }
        guard !value.isEmpty else { throw APIError.badParameter(name, "must not be empty.") }
        return value
    }

    /// `limit`: a whole number in `1...maximum`, `defaultValue` when absent.
    func limit(default defaultValue: Int = 50, maximum: Int = 500) throws(HTTPError) -> Int {
        guard let text = value("limit") else { return defaultValue }
        guard let limit = Int(text) else {
            throw APIError.badParameter("limit", "must be a whole number from 1 to \(maximum), got \"\(text)\".")
        }
        guard (1...maximum).contains(limit) else {
            throw APIError.badParameter("limit", "must be from 1 to \(maximum), got \(limit).")
        }
        return limit
    }

    /// `pretty`: true when present empty or as `1`/`true`, false as `0`/`false` or absent; those
    /// exact values, as the OpenAPI document lists them (`TRUE` is refused).
    func pretty() throws(HTTPError) -> Bool {
        guard let text = value("pretty") else { return false }
        switch text {
        case "", "1", "true": return true
        case "0", "false": return false
        default: throw APIError.badParameter("pretty", "must be empty, 1, true, 0 or false, got \"\(text)\".")
        }
    }

    /// One value of a closed set, by raw value.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws(HTTPError) -> T? where T.RawValue == String {
        guard let text = value(name) else { return nil }
        guard let choice = T(rawValue: text) else {
            throw APIError.badParameter(name, "must be one of \(Self.names(of: T.self)), got \"\(text)\".")
        }
        return choice
    }

    /// Values of a closed set, from repeated parameters, comma-separated lists, or both.
    func choices<T: RawRepresentable & CaseIterable & Hashable>(_ name: String, _ type: T.Type) throws(HTTPError) -> Set<T>
    where T.RawValue == String {
        var result: Set<T> = []
        for list in values(name) {
            for piece in list.split(separator: ",", omittingEmptySubsequences: false) {
                guard let choice = T(rawValue: String(piece)) else {
                    throw APIError.badParameter(name, "takes values among \(Self.names(of: T.self)), got \"\(piece)\".")
                }
                result.insert(choice)
            }
        }
        return result
    }

    /// A date bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, read as its first day (`.first`) or its
    /// last (`.last`).
    func day(_ name: String, _ end: DateParameter.End) throws(HTTPError) -> Day? {
        guard let text = value(name) else { return nil }
        guard let range = DateParameter.parse(text) else {
            throw APIError.badParameter(name, "must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got \"\(text)\".")
        }
        return end == .first ? range.lowerBound : range.upperBound
    }

    private static func names<T: RawRepresentable & CaseIterable>(of type: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
