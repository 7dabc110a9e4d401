import Extraction
import HTTPServer

/// One feed the server polls: an RSS or Atom URL and the seconds between polls.
public struct FeedSetting: Sendable, Hashable {
    /// The seconds between polls when a feed names none.
    public static let defaultInterval = 300
    /// The intervals a feed may ask for, in seconds: a second to a week.
    public static let intervals = 1...604_800

    public var url: String
    public var intervalSeconds: Int

    public init(url: String, intervalSeconds: Int = FeedSetting.defaultInterval) {
        self.url = url
        self.intervalSeconds = intervalSeconds
    }

    /// The list in `config.json`'s form: `[{"url": ..., "intervalSeconds": N}]`.
    static func json(_ feeds: [FeedSetting]) -> JSONValue {
        .array(feeds.map { ["url": .string($0.url), "intervalSeconds": .int($0.intervalSeconds)] })
    }

    /// Reads a list of feeds: JSON objects with `url` and an optional `intervalSeconds`, or
    /// (from the environment or a flag) either that list as JSON text or comma-separated URLs.
    /// - Throws: a message naming what is wrong, for the key's error.
    static func list(from input: ConfigurationInput) throws(FeedSettingError) -> [FeedSetting] {
        switch input {
        case .text(let text) where text.trimmingWhitespace.hasPrefix("["):
            guard let tree = JSONValue.parse(Array(text.utf8)) else { throw FeedSettingError("is not a well-formed JSON list") }
            return try list(from: .json(tree))
        case .text(let text):
            let feeds = try text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
                .map { url throws(FeedSettingError) in try checked(FeedSetting(url: url)) }
            return try withoutRepeats(feeds)
        case .json(.array(let items)):
            var feeds: [FeedSetting] = []
            for (index, item) in items.enumerated() {
                guard case .object(let members) = item else { throw FeedSettingError("item \(index) must be an object") }
                if let unknown = members.keys.sorted().first(where: { !["url", "intervalSeconds"].contains($0) }) {
                    throw FeedSettingError("item \(index) has an unknown member \"\(unknown)\"")
                }
                guard case .string(let url)? = members["url"] else { throw FeedSettingError("item \(index) needs a url string") }
                var feed = FeedSetting(url: url)
                if let interval = members["intervalSeconds"] {
                    guard case .number(let seconds) = interval, seconds == seconds.rounded(), let whole = Int(exactly: seconds) else {
                        throw FeedSettingError("item \(index): intervalSeconds must be a whole number")
                    }
                    feed.intervalSeconds = whole
                }
                feeds.append(try checked(feed, index: index))
            }
            return try withoutRepeats(feeds)
        case .json:
            throw FeedSettingError("must be a list of {\"url\", \"intervalSeconds\"} objects, got \(input)")
        }
    }

    private static func withoutRepeats(_ feeds: [FeedSetting]) throws(FeedSettingError) -> [FeedSetting] {
        var seen = Set<String>()
        if let repeated = feeds.first(where: { !seen.insert($0.url).inserted }) {
            throw FeedSettingError("lists \(repeated.url) twice")
        }
        return feeds
    }

    private static func checked(_ feed: FeedSetting, index: Int? = nil) throws(FeedSettingError) -> FeedSetting {
        let item = index.map { "item \($0): " } ?? ""
        guard ArticleInput.isWebURL(feed.url) else {
            throw FeedSettingError("\(item)url must be an absolute http or https URL, got \"\(feed.url)\"")
        }
        guard intervals.contains(feed.intervalSeconds) else {
            throw FeedSettingError(
                "\(item)intervalSeconds must be from \(intervals.lowerBound) to \(intervals.upperBound), got \(feed.intervalSeconds)")
        }
        return feed
    }
}

/// Why a list of feeds was refused.
struct FeedSettingError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
