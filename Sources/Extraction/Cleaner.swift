/// Turns raw article text into the stored body: drops a leading title line and trailing site
/// boilerplate, trims each paragraph and joins paragraphs with a blank line.
///
/// Boilerplate is recognised generically, never by its exact words: a short last line that
/// reads as another language than the body (few of the body's common function words and a
/// different share of non-ASCII letters), or one that reads as a "follow us" line.
public enum Cleaner {
    /// The cleaned body; every offset the extractor reports points into it.
    public static func clean(_ raw: String, title: String = "", language: String = "en") -> String {
        var lines = raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters() }
            .filter { !$0.isEmpty }
        let normalizedTitle = title.trimmingCharacters()
        if let first = lines.first, !normalizedTitle.isEmpty, first == normalizedTitle { lines.removeFirst() }
        let bodyProfile = Profile(lines.dropLast().joined(separator: " "))
        while lines.count > 1, let last = lines.last, isBoilerplate(last, body: bodyProfile, language: language) {
            lines.removeLast()
        }
        return lines.joined(separator: "\n\n")
    }

    /// Whether a trailing line is boilerplate rather than article text.
    static func isBoilerplate(_ line: String, body: Profile, language: String) -> Bool {
        let profile = Profile(line)
        guard profile.words > 0, profile.words <= 16 else { return false }
        let endsLikeProse = line.hasSuffix(".") || line.hasSuffix("\"") || line.hasSuffix("\u{201D}")
        if profile.boilerplateHits > 0 && (!endsLikeProse || profile.functionShare < body.functionShare * 0.5) { return true }
        if line.contains("\u{00A9}") { return true }
        guard language.lowercased().hasPrefix("en"), body.words >= 40 else { return false }
        // Another language: the body's function words are missing and its letters look different.
        let foreignLetters = profile.nonASCIIShare > body.nonASCIIShare + 0.04
        let noFunctionWords = profile.words >= 3 && profile.functionShare < body.functionShare * 0.25
        return noFunctionWords && (foreignLetters || !endsLikeProse)
    }

    /// Counts that tell prose in one language from a line in another.
    struct Profile {
        var words = 0
        var functionWords = 0
        var boilerplateHits = 0
        var letters = 0
        var nonASCIILetters = 0

        init(_ text: String) {
            var word = ""
            func flush() {
                guard !word.isEmpty else { return }
                if Lexicon.englishFunctionWords.contains(word) { functionWords += 1 }
                if Lexicon.boilerplateWords.contains(word) { boilerplateHits += 1 }
                word = ""
            }
            var inWord = false
            for s in text.unicodeScalars {
                if Tokenizer.isWhitespace(s) {
                    if inWord {
                        words += 1
                        flush()
                    }
                    inWord = false
                    continue
                }
                inWord = true
                if Tokenizer.isLetter(s) {
                    letters += 1
                    if !s.isASCII { nonASCIILetters += 1 }
                    word.unicodeScalars.append(s.value < 0x80 ? Unicode.Scalar(s.value | 0x20)! : s)
                }
            }
            if inWord {
                words += 1
                flush()
            }
        }

        var functionShare: Double { words == 0 ? 0 : Double(functionWords) / Double(words) }
        var nonASCIIShare: Double { letters == 0 ? 0 : Double(nonASCIILetters) / Double(letters) }
    }
}

extension StringProtocol {
    func trimmingCharacters() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return ScalarText.string(scalars)
    }
}
