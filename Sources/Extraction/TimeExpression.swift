import NewsModel

/// A time phrase of a sentence and the dates it can mean.
struct TimeExpression: Sendable, Hashable {
    /// Token indices of the phrase, modifier included.
    var tokens: Range<Int>
    var start: Int
    var end: Int
    var date: EventDate
}
