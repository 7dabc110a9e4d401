/// Name-annotated text in CoNLL-2003's column format: a word a line with its tag in the last
/// column (IOB1 or IOB2: `I-PER`, `B-ORG`, `O`), blank lines between sentences and
/// `-DOCSTART-` lines between documents. WikiGold uses the same form with two columns.
public struct CoNLLCorpus: Sendable {
    /// One annotated sentence: its words and the names in it.
    struct Sentence: Sendable {
        var words: [String]
        var names: [NameSpan]
    }

    var documents: [[Sentence]]

    /// Reads the corpus text; lines that are not `word ... tag` are skipped.
    public init(text: String) {
        var documents: [[Sentence]] = [[]]
        var words: [String] = []
        var labels: [Substring] = []
        func endSentence() {
            if !words.isEmpty { documents[documents.count - 1].append(Sentence(words: words, names: Self.names(labels))) }
            words.removeAll()
            labels.removeAll()
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let columns = line.split(separator: " ")
            if columns.isEmpty {
                endSentence()
            } else if columns[0] == "-DOCSTART-" {
                endSentence()
                if !documents[documents.count - 1].isEmpty { documents.append([]) }
            } else if columns.count >= 2 {
                words.append(String(columns[0]))
                labels.append(columns[columns.count - 1])
            }
        }
        endSentence()
        self.documents = documents.filter { !$0.isEmpty }
    }

    /// How many words the corpus holds.
    public var wordCount: Int { documents.reduce(0) { $0 + $1.reduce(0) { $0 + $1.words.count } } }

    /// How many documents it holds.
    public var documentCount: Int { documents.count }

    /// Chunks as conlleval reads them: a name starts at `B-X`, or at `I-X` after anything but X.
    static func names(_ labels: [Substring]) -> [NameSpan] {
        var out: [NameSpan] = []
        var open: (EntityTag.NameClass, Int)?
        for (i, label) in labels.enumerated() {
            let parts = label.split(separator: "-", maxSplits: 1)
            let nameClass = parts.count == 2 ? EntityTag.NameClass(label: String(parts[1])) : nil
            let starts = nameClass != nil && (parts[0] == "B" || open?.0 != nameClass)
            if let (openClass, start) = open, nameClass == nil || starts {
                out.append(NameSpan(nameClass: openClass, words: start..<i))
                open = nil
            }
            if starts, let nameClass { open = (nameClass, i) }
        }
        if let (openClass, start) = open { out.append(NameSpan(nameClass: openClass, words: start..<labels.count)) }
        return out
    }
}
