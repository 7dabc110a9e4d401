/// Decodes the character references that survive in attribute values and JSON-LD written by
/// templates that escape twice (`&#8216;`, `&amp;amp;`).
enum HTMLEntities {
    /// The named references common in such text.
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "hellip": "\u{2026}", "pound": "\u{00A3}", "euro": "\u{20AC}", "copy": "\u{00A9}", "reg": "\u{00AE}",
    ]

    /// `text` with numeric and common named references replaced; unknown ones are left as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = String.UnicodeScalarView()
        var scalars = Substring(text).unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "&", let end = scalars.prefix(12).firstIndex(of: ";") else {
                result.append(scalar)
                continue
            }
            let name = String(scalars[scalars.startIndex..<end])
            if let decoded = reference(name) {
                result.append(decoded)
                scalars = scalars[scalars.index(after: end)...]
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func reference(_ name: String) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[name.lowercased()]
    }
}
