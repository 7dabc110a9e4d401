/// One clause of a sentence, found around its main verb: who (the subject), the verb group
/// (auxiliaries and the verb) and the rest up to the clause's end (object and complements).
///
/// In `Israel struck a school in Gaza on Saturday`, the subject is `Israel`, the verb group
/// `struck` and the tail `a school in Gaza on Saturday`. All ranges index the body's tokens.
struct Clause: Sendable, Hashable {
    /// How the verb group places the happening in time.
    enum Form: Sendable, Hashable {
        /// `struck`, `said`
        case past
        /// `has struck`, `had said`
        case perfect
        /// `was killed`, `were displaced`
        case passive
        /// `was fighting`
        case progressive
        /// `will meet`
        case future
        /// `says`, `meets`: present forms the trigger lexicon knows
        case present
        /// `may launch`, `could face`: what only might happen
        case modal
    }

    /// The clause's first token: its opener, its subject or its verb group.
    var start: Int
    /// The subject's tokens: its own, or those of the clause it is coordinated with
    /// (`Israel struck a school and killed 20`); empty when there is none.
    var subject: Range<Int>
    /// The auxiliaries and the main verb.
    var verbs: Range<Int>
    /// The main verb.
    var head: Int
    /// The tokens after the verb group up to the clause's end.
    var tail: Range<Int>
    var form: Form
    /// The word that opened the clause (`and`, `which`, `after`), nil at a sentence's or a
    /// comma-separated segment's start.
    var opener: String?

    /// All the clause's tokens.
    var span: Range<Int> { start..<max(tail.upperBound, verbs.upperBound) }

    /// Whether the clause is introduced by a relative pronoun (`which claimed`).
    var isRelative: Bool { ["which", "who", "whom", "whose"].contains(opener ?? "") }
}
