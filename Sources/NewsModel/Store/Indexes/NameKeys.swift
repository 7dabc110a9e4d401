/// Entities by every key under which the extractor's linker can match a name in an article to
/// them: a name or alias, the id read as words, the initials of the name, the first or last word
/// of a person's name, and the first word, last word and leading initials of an organization's.
/// All keys are folded (``TextNormalizer/folded(_:)``), so that a lookup with the folded words
/// of an article finds every entity the article can link to, and few others.
struct NameKeys: Sendable {
    private var entities = PersistentMap<String, SortedChunks<String>>()

    mutating func add(_ entity: Entity) {
        for key in Self.keys(of: entity) {
            entities.modify(key, default: SortedChunks(), removeWhen: \.isEmpty) { $0.insert(entity.id) }
        }
    }

    mutating func remove(_ entity: Entity) {
        for key in Self.keys(of: entity) {
            entities.modify(key, default: SortedChunks(), removeWhen: \.isEmpty) { $0.remove(entity.id) }
        }
    }

    /// The ids of the entities filed under a folded key, in id order.
    func entities(under key: String) -> [String] {
        entities[key]?.elements ?? []
    }

    static func keys(of entity: Entity) -> Set<String> {
        var keys = Set<String>()
        func add(_ text: String) {
            let folded = TextNormalizer.folded(text)
            if !folded.isEmpty { keys.insert(folded) }
        }
        for name in [entity.name] + entity.aliases { add(name) }
        add(entity.id.replacing("-", with: " "))
        let words = entity.name.split(separator: " ").map(String.init)
        add(initials(of: words.flatMap { $0.split(separator: "-").map(String.init) }, skipping: ["of", "the", "and", "for", "&"]))
        if entity.type == .person || entity.type == .organization, let first = words.first, let last = words.last {
            add(first)
            add(last)
        }
        if entity.type == .organization, words.count >= 2 {
            for end in 2...words.count { add(initials(of: Array(words[..<end]), skipping: ["of", "the", "and", "for"])) }
        }
        return keys
    }

    /// The first letters of the words, the little words left out: `United Nations` gives `UN`
    /// (as the linker reads acronyms: for a whole name it splits hyphenated words, for the leading
    /// words of an organization's name it does not).
    private static func initials(of words: [String], skipping little: Set<String>) -> String {
        String(words.filter { !little.contains($0) }.compactMap(\.first))
    }
}
