/// Joins Penn Treebank-style tokens back into running text: `March 01 , 2008` becomes
/// `March 01, 2008`, `Apple 's` becomes `Apple's`, ``` `` ``` and `''` become straight quotes,
/// and `#`, the treebank's pound sign, becomes `£`.
enum Detokenizer {
    /// Tokens that attach to the word before them.
    private static let closing: Set<String> = [
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "...",
        "'s", "'S", "'ve", "'re", "'ll", "'d", "'m", "n't", "''",
    ]
    /// Tokens that attach to the word after them.
    private static let opening: Set<String> = ["(", "[", "{", "$", "US$", "£", "€", "#", "``", "`"]
    /// What follows a lone apostrophe in a split contraction (`we ' re`, `It ' s`).
    private static let clitics: Set<String> = ["s", "re", "ll", "ve", "d", "m", "t"]

    /// One sentence's tokens as text.
    static func join(_ tokens: [String]) -> String {
        var out = ""
        var attachNext = true
        var doubleOpen = false
        var singleOpen = false
        for (index, token) in tokens.enumerated() {
            var text = token
            var attachesBefore = closing.contains(token)
            var attachesAfter = opening.contains(token)
            switch token {
            case "``", "''": text = "\""
            case "#": text = "£"
            case "`": singleOpen = true
            case "\"":
                // Straight quotes alternate: an opening one leans right, a closing one left.
                attachesBefore = doubleOpen
                attachesAfter = !doubleOpen
                doubleOpen.toggle()
            case "'":
                let previous = index > 0 ? tokens[index - 1] : ""
                if index + 1 < tokens.count && clitics.contains(tokens[index + 1]) {
                    (attachesBefore, attachesAfter) = (true, true)
                } else if singleOpen || previous.hasSuffix("s") || previous.hasSuffix("S") {
                    attachesBefore = true
                    singleOpen = false
                } else {
                    attachesAfter = true
                    singleOpen = true
                }
            default:
                // `I' ll`, `O' Leary`: a letter and an apostrophe split from what follows.
                if token.count == 2 && token.hasSuffix("'") { attachesAfter = true }
                if token.count > 1 && token.hasPrefix("'") && !attachesBefore { singleOpen = true }
            }
            if !out.isEmpty && !attachNext && !attachesBefore { out += " " }
            out += text
            attachNext = attachesAfter
        }
        return out
    }
}
