/// Whitespace normalization for text read from markup.
enum Whitespace {
    /// Collapses every run of whitespace (including non-breaking and zero-width spaces) to one
    /// space, and trims both ends.
    static func normalize(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if isSpace(character) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    private static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{200B}" || character == "\u{FEFF}"
    }
}
