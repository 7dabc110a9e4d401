/// A parsed `Accept-Encoding` field (RFC 9110 section 12.5.3) and the choice of coding it leads to.
///
/// Weights are kept in thousandths (`q=0.5` is 500). A coding the field does not name is
/// acceptable only through `*`; `identity` is acceptable unless `identity;q=0` or `*;q=0`
/// excludes it.
public struct AcceptEncoding: Sendable, Hashable {
    /// One member of the list: a lowercased coding (or `*`) and its weight in thousandths.
    public struct Entry: Sendable, Hashable {
        public var coding: String
        public var quality: Int

        public init(coding: String, quality: Int) {
            self.coding = coding
            self.quality = quality
        }
    }

    /// The members in the order given; members with an unreadable weight are left out.
    public var entries: [Entry]

    /// Parses the comma-separated values of every `Accept-Encoding` field, joined.
    public init(_ fieldValue: String) {
        entries = HeaderList.elements(fieldValue).compactMap { Self.entry($0) }
    }

    /// The weight the field gives `coding` (thousandths), or nil when it names neither it nor `*`.
    /// `x-gzip` counts as `gzip` (RFC 9110 section 8.4.1.3).
    public func quality(of coding: String) -> Int? {
        let coding = coding.lowercased()
        var named: Int?
        var wildcard: Int?
        for entry in entries {
            if entry.coding == coding || (coding == "gzip" && entry.coding == "x-gzip") {
                named = max(named ?? 0, entry.quality)
            } else if entry.coding == "*" {
                wildcard = entry.quality
            }
        }
        return named ?? wildcard
    }

    /// The coding to use among `formats`, or nil for identity.
    ///
    /// The highest weight wins; on a tie the earlier format in `formats` wins. An `identity`
    /// weight (named, or given through `*`) higher than every format's keeps the body as it is;
    /// identity left implicit ranks below any coding the client accepts.
    public func preferred(among formats: [CompressionFormat]) -> CompressionFormat? {
        var best: (format: CompressionFormat, quality: Int)?
        for format in formats {
            guard let quality = quality(of: format.contentCoding), quality > 0 else { continue }
            if best == nil || quality > best!.quality {
                best = (format, quality)
            }
        }
        guard let best else { return nil }
        if let identity = quality(of: "identity"), identity > best.quality {
            return nil
        }
        return best.format
    }

    private static func entry(_ member: Substring) -> Entry? {
        let parts = member.split(separator: ";", omittingEmptySubsequences: false)
        let coding = HeaderList.trim(parts[0]).lowercased()
        guard !coding.isEmpty else { return nil }
        var quality = 1000
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, HeaderList.trim(pair[0]).lowercased() == "q" else { continue }
            guard let weight = Self.weight(HeaderList.trim(pair[1])) else { return nil }
            quality = weight
        }
        return Entry(coding: coding, quality: quality)
    }

    /// Reads `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )` as thousandths.
    static func weight(_ text: Substring) -> Int? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        var value = Int(first - UInt8(ascii: "0")) * 1000
        guard bytes.count > 1 else { return value }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return nil }
        var scale = 100
        for digit in bytes.dropFirst(2) {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
            value += Int(digit - UInt8(ascii: "0")) * scale
            scale /= 10
        }
        return value <= 1000 ? value : nil
    }
}
