public import NewsModel

/// A time phrase found in a text, where it lies and the date it means.
public struct DatedPhrase: Sendable, Hashable {
    /// The TIMEX3 extent in the text's Unicode scalars: the phrase without signal words such as
    /// `on` or `since` (`late June` in `since late June`).
    public var start: Int
    public var end: Int
    /// The date, its `phrase` as the sentence words it (`on Tuesday`, `since late June`).
    public var date: EventDate
    /// Whether the phrase names no time of its own (`later`) and the date is inferred from the
    /// last date the text mentioned.
    public var isInferred: Bool

    public init(start: Int, end: Int, date: EventDate, isInferred: Bool) {
        self.start = start
        self.end = end
        self.date = date
        self.isInferred = isInferred
    }
}
