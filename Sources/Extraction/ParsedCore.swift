/// A core and the token after its last word.
struct ParsedCore: Sendable, Hashable {
    var core: TimeCore
    var end: Int
    /// Where the TIMEX3 extent starts when words of the core are signals (`earlier` in
    /// `earlier this week`).
    var extentStart: Int? = nil
}
