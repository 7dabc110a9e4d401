/// Whether an event summary reads as a clause: three or more words, one of them a finite verb.
///
/// The verb test is a word rule, not a parser: an auxiliary or modal (`is`, `has`, `will`), a
/// past form (a lowercase word of four or more letters ending in `-ed`, or an irregular past such
/// as `said`, `won`, `met`), or the `-s` form of a common reporting verb (`says`, `announces`).
/// It misses bare plural presents (`Investors sell shares`) and counts an adjective in `-ed`.
enum SummaryClause {
    static func isClause(_ summary: String) -> Bool {
        let words = summary.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .map { $0.drop { punctuation.contains($0) }.reversed().drop { punctuation.contains($0) }.reversed() }
            .map { String($0) }
            .filter { !$0.isEmpty }
        guard words.count >= 3 else { return false }
        return words.enumerated().contains { index, word in
            // Capitalized words past the first are names (`United`, `Ahmed`), not verbs.
            if index > 0, let first = word.first, first.isUppercase { return false }
            return isFiniteVerb(word.lowercased())
        }
    }

    static func isFiniteVerb(_ word: String) -> Bool {
        if auxiliaries.contains(word) || irregularPast.contains(word) || presentForms.contains(word) { return true }
        return word.count >= 4 && word.hasSuffix("ed") && !notVerbs.contains(word)
    }

    private static let punctuation: Set<Character> = [",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "\u{201C}", "\u{201D}"]

    private static let auxiliaries: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "does", "did", "do", "will", "would", "can",
        "could", "may", "might", "must", "shall", "should", "won't", "can't", "isn't", "wasn't",
    ]

    private static let irregularPast: Set<String> = [
        "ate", "beat", "became", "began", "bid", "bit", "bore", "bought", "bound", "broke", "brought",
        "built", "burnt", "caught", "chose", "came", "cost", "crept", "cut", "dealt", "dug", "drew",
        "drank", "drove", "fell", "fed", "felt", "fought", "found", "fled", "flew", "forbade", "forgot",
        "forgave", "froze", "gave", "got", "went", "grew", "hung", "heard", "hid", "hit", "held", "hurt",
        "kept", "knew", "laid", "led", "left", "lent", "let", "lay", "lit", "lost", "made", "meant",
        "met", "overcame", "overtook", "paid", "put", "quit", "rode", "rang", "rose", "ran", "said",
        "saw", "sought", "sold", "sent", "set", "shook", "shed", "shone", "shot", "showed", "shut",
        "sang", "sank", "sat", "slept", "slid", "spoke", "spent", "split", "spread", "sprang", "stood",
        "stole", "stuck", "stung", "struck", "strove", "swore", "swept", "swam", "swung", "took",
        "taught", "tore", "told", "thought", "threw", "understood", "undertook", "upheld", "woke",
        "wore", "won", "withdrew", "wrote",
    ]

    /// Third-person present forms of verbs news summaries use, rarely nouns in the plural.
    private static let presentForms: Set<String> = [
        "says", "tells", "announces", "agrees", "wins", "loses", "signs", "launches", "meets", "visits",
        "opens", "closes", "releases", "unveils", "buys", "sells", "acquires", "reports", "warns",
        "claims", "denies", "rejects", "approves", "faces", "leads", "takes", "makes", "gets", "gives",
        "kills", "attacks", "holds", "hosts", "orders", "resigns", "appoints", "names", "elects",
        "becomes", "begins", "ends", "starts", "cuts", "raises", "lowers", "plans", "files", "sues",
        "introduces", "confirms", "expects", "delays", "cancels", "wants", "seeks", "offers", "joins",
    ]

    /// Words in `-ed` that are not past forms.
    private static let notVerbs: Set<String> = [
        "need", "seed", "speed", "feed", "breed", "bleed", "deed", "greed", "weed", "indeed",
        "exceed", "proceed", "succeed", "hundred", "naked", "sacred", "wicked", "rugged", "kindred",
        "shred", "sled", "wed", "bed", "red", "embed",
    ]
}
