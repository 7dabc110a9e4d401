import NewsModel

/// A stretch of a sentence that names something, before linking decides which entity.
struct EntityCandidate: Sendable, Hashable {
    /// What the recognizer matched the name against.
    enum Source: Sendable, Hashable {
        /// An entity already in the store.
        case known(Entity)
        /// A knowledge-file entry.
        case knowledge(KnowledgeBase.Entry)
        /// A demonym or adjective of a knowledge place (`Russian`).
        case demonym(KnowledgeBase.Entry)
        /// A gazetteer place.
        case place(KnowledgeBase.Place)
        /// A name found by cues alone.
        case new
    }

    /// How strongly the cues say what type a new name has.
    enum Strength: Int, Sendable, Hashable, Comparable {
        case none = 0
        case weak, medium, strong
        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    var source: Source
    /// The name without a possessive ending (`Hamas`).
    var name: String
    /// The text as written (`Hamas's`).
    var text: String
    var sentence: Int
    /// Token indices covered; a part of a hyphenated token covers that one token.
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var isPossessive: Bool
    var cue: EntityType?
    var strength: Strength
    /// Number of words in the name.
    var wordCount: Int

    /// Whether it names a place, by source or by cue.
    var isPlace: Bool {
        switch source {
        case .place, .demonym: return true
        case .knowledge(let e): return e.type == .location
        case .known(let e): return e.type == .location
        case .new: return cue == .location
        }
    }
}
