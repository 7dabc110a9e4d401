/// One sentence as the tagger sees it: each word with the attributes its features read.
struct TaggerSentence: Sendable {
    struct Word: Sendable {
        /// As written, with curly quotes made straight (`"`, `'`) as the training text has them.
        var text: String
        var lower: String
        /// Letters as `X`/`x`, digits as `d`, other marks kept, runs collapsed: `Xx`, `X.X.`, `d,d`.
        var shape: String
        var isCapitalized: Bool
        var isAllCaps: Bool
        /// The closed word lists that hold it, as ``Cue`` bits.
        var cues: UInt8
        /// Where the word sits in a knowledge-base or gazetteer name (`B-LOC`), or outside.
        var gazetteer = EntityTag.outside
    }

    /// Closed word lists whose members hint at the names around them (`minister`, `ministry`,
    /// `square`, `residence`): one bit each.
    enum Cue {
        static let lists: [Set<String>] = [
            Lexicon.titleHeads, Lexicon.titleModifiers, Lexicon.organizationWords, Lexicon.placeSuffixes,
            Lexicon.placeNounsAfter, Lexicon.organizationNounsBefore, Lexicon.placePrepositions, Lexicon.speechVerbs,
        ]

        /// Every listed word with its bits, so a word costs one look-up.
        private static let table: [String: UInt8] = {
            var table: [String: UInt8] = [:]
            for (k, list) in lists.enumerated() {
                for word in list { table[word, default: 0] |= 1 << k }
            }
            return table
        }()

        static func bits(of lower: String) -> UInt8 { table[lower] ?? 0 }
    }

    var words: [Word]

    /// Prepares `texts` and marks the longest names the knowledge base holds, left to right.
    init(_ texts: [String], knowledge: KnowledgeBase?) {
        self.init(texts, gazetteer: { knowledge?.nameClass(of: $0) })
    }

    /// Prepares `texts` and marks the longest names `gazetteer` knows, left to right.
    init(_ texts: [String], gazetteer: (String) -> EntityTag.NameClass?) {
        words = texts.map(Self.word)
        markGazetteer(gazetteer)
    }

    var count: Int { words.count }

    /// Longest name a match may span.
    private static let longestName = 6

    private mutating func markGazetteer(_ gazetteer: (String) -> EntityTag.NameClass?) {
        var i = 0
        while i < words.count {
            guard words[i].isCapitalized else {
                i += 1
                continue
            }
            var matched = 0
            var joined = ""
            var found: EntityTag.NameClass?
            for n in 1...min(Self.longestName, words.count - i) {
                // Names hold letters, and marks inside words; no name runs across a comma or quote.
                guard words[i + n - 1].shape.unicodeScalars.contains(where: { $0 == "X" || $0 == "x" || $0 == "d" }) else { break }
                joined += n == 1 ? words[i].text : " " + words[i + n - 1].text
                if let nameClass = gazetteer(joined) {
                    matched = n
                    found = nameClass
                }
            }
            guard let found, matched > 0 else {
                i += 1
                continue
            }
            for (k, tag) in EntityTag.tags(for: found, length: matched).enumerated() { words[i + k].gazetteer = tag }
            i += matched
        }
    }

    private static func word(_ raw: String) -> Word {
        var text = raw
        if text.unicodeScalars.contains(where: { $0 == "\u{201C}" || $0 == "\u{201D}" || $0 == "\u{2019}" || $0 == "\u{2018}" }) {
            text = String(
                String.UnicodeScalarView(
                    text.unicodeScalars.map { scalar -> Unicode.Scalar in
                        switch scalar {
                        case "\u{201C}", "\u{201D}": "\""
                        case "\u{2018}", "\u{2019}": "'"
                        default: scalar
                        }
                    }))
        }
        var shape = String.UnicodeScalarView()
        var upper = 0
        var lowerCount = 0
        for scalar in text.unicodeScalars {
            let mark: Unicode.Scalar
            if Tokenizer.isUppercase(scalar) {
                mark = "X"
                upper += 1
            } else if Tokenizer.isLetter(scalar) {
                mark = "x"
                lowerCount += 1
            } else if Tokenizer.isDigit(scalar) {
                mark = "d"
            } else {
                mark = scalar
            }
            if shape.last != mark { shape.append(mark) }
        }
        let first = text.unicodeScalars.first
        let lower = text.lowercased()
        return Word(
            text: text, lower: lower, shape: String(shape),
            isCapitalized: first.map(Tokenizer.isUppercase) ?? false,
            isAllCaps: upper >= 2 && lowerCount == 0, cues: Cue.bits(of: lower))
    }
}
