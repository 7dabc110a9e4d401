import Foundation

/// One event mention of a gold timeline: `16844-5-introducing` is the word `introducing` in
/// sentence 5 of document 16844.
struct TimelineMention: Hashable {
    var document: String
    var sentence: Int
    var word: String

    /// Parses `DOCID-SENTENCE-word`; the word may itself hold hyphens (`pre-orders`).
    init?(_ text: Substring) {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, let sentence = Int(parts[1]) else { return nil }
        document = String(parts[0])
        self.sentence = sentence
        word = String(parts[2])
    }
}

/// A gold timeline of one target entity (SemEval-2015 Task 4): after the entity's name, one
/// line per group of coreferent mentions, `ORDER<TAB>ANCHOR<TAB>MENTION[<TAB>MENTION...]`, where
/// the anchor is `YYYY-MM-DD`, `YYYY-MM`, `YYYY-XX-XX` or `XXXX-XX-XX` (unanchored).
struct GoldTimeline {
    var entity: String
    /// Every mention with its anchor as written.
    var mentions: [(mention: TimelineMention, anchor: String)]

    init?(text: String) {
        let lines = text.split(whereSeparator: \.isNewline)
        guard let first = lines.first else { return nil }
        entity = first.trimmingCharacters(in: .whitespaces)
        mentions = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t")
            guard fields.count >= 3 else { continue }
            let anchor = String(fields[1])
            for field in fields.dropFirst(2) {
                if let mention = TimelineMention(field.trimmingCharacters(in: .whitespaces)[...]) { mentions.append((mention, anchor)) }
            }
        }
    }
}
