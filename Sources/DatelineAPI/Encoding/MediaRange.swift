/// One element of an `Accept` field: `type/subtype`, `type/*` or `*/*`, with its weight.
struct MediaRange: Sendable, Hashable {
    var type: String
    var subtype: String
    /// The `q` parameter, 0 to 1; 1 when absent.
    var quality: Double

    /// Parses an `Accept` field value (all its fields joined with commas); elements that cannot be
    /// read are skipped.
    static func parse(_ value: String) -> [MediaRange] {
        value.split(separator: ",").compactMap { element in
            let parts = element.split(separator: ";").map { $0.trimmingSpaces }
            guard let range = parts.first, !range.isEmpty else { return nil }
            let pieces = range.lowercased().split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { return nil }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                guard let q = Double(pair[1]), (0...1).contains(q) else { return nil }
                quality = q
            }
            return MediaRange(type: String(pieces[0]), subtype: String(pieces[1]), quality: quality)
        }
    }

    /// How specifically this range names `mediaType` (`type/subtype`): 2 exactly, 1 by type,
    /// 0 by `*/*`; nil when it does not match.
    func specificity(for mediaType: String) -> Int? {
        let pieces = mediaType.split(separator: "/")
        if type == "*" && subtype == "*" { return 0 }
        guard pieces.count == 2, type == pieces[0] else { return nil }
        if subtype == "*" { return 1 }
        return subtype == pieces[1] ? 2 : nil
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
