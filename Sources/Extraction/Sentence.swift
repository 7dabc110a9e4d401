/// One sentence of a body: its tokens and its span in Unicode scalars.
struct Sentence: Sendable, Hashable {
    var index: Int
    /// Indices into the body's token array.
    var tokens: Range<Int>
    var start: Int
    var end: Int
}
