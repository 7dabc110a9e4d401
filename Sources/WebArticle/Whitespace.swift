/// Whitespace normalization for text read from markup.
enum Whitespace {
    /// Collapses every run of whitespace (including non-breaking and zero-width spaces) to one
    /// space, and trims both ends.
    static func normalize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The number of Unicode scalars `normalize(text)` would hold, counted without building it.
    static func normalizedLength(_ text: String) -> Int {
        var length = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = length > 0
            } else {
                length += pendingSpace ? 2 : 1
                pendingSpace = false
            }
        }
        return length
    }

    /// Whether `scalar` is whitespace, zero-width space or a byte-order mark; ASCII is decided without a table lookup.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return scalar.value == 0x200B || scalar.value == 0xFEFF || scalar.properties.isWhitespace
    }
}
