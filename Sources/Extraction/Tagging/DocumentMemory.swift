/// What the tagger knows of the whole document while it tags one sentence: the words the
/// document writes in lower case (`bank` as well as `Bank` says the capital may be the
/// sentence's), and the class each capitalized word was last given.
struct DocumentMemory: Sendable {
    private(set) var lowercaseWords: Set<String> = []
    private(set) var classes: [String: EntityTag.NameClass] = [:]

    /// A memory of the document made of `sentences`' words.
    init<Words: Sequence<String>>(words: Words) {
        for word in words {
            if let first = word.unicodeScalars.first, Tokenizer.isLetter(first), !Tokenizer.isUppercase(first) {
                lowercaseWords.insert(word)
            }
        }
    }

    /// Whether the document also writes this capitalized word in lower case.
    func seesLowercase(_ word: TaggerSentence.Word) -> Bool { lowercaseWords.contains(word.lower) }

    /// The class this capitalized word was last given in the document.
    func earlierClass(of word: TaggerSentence.Word) -> EntityTag.NameClass? {
        word.isCapitalized ? classes[word.lower] : nil
    }

    /// Remembers the names just found in `sentence`.
    mutating func remember(_ spans: [NameSpan], in sentence: TaggerSentence) {
        for span in spans {
            for i in span.words where sentence.words[i].isCapitalized {
                classes[sentence.words[i].lower] = span.nameClass
            }
        }
    }
}
