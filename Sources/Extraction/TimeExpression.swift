import NewsModel

/// A time phrase of a sentence and the dates it can mean.
struct TimeExpression: Sendable, Hashable {
    /// Token indices of the phrase, modifier included.
    var tokens: Range<Int>
    /// Token indices of the TIMEX3 extent: the phrase without signal words such as `on` or `since`.
    var extent: Range<Int>
    var start: Int
    var end: Int
    var date: EventDate
    /// Whether the phrase names no time of its own (`later`) and the date comes from the last one mentioned.
    var isInferred = false
}
