extension FeedPoller {
    /// The poller's identity and limits.
    public struct Configuration: Sendable {
        /// The `User-Agent` of every request; its product token (`Dateline` in
        /// `Dateline/1.0 (+url)`) is the name robots.txt groups are matched against.
        public var userAgent: String
        /// How many feeds are polled at once (threads).
        public var maxParallelFetches: Int
        /// The largest feed body accepted.
        public var maxFeedBytes: Int
        /// The largest page body accepted.
        public var maxPageBytes: Int
        /// How many item keys each feed remembers.
        public var seenItemsPerFeed: Int
        /// How many items of a feed may wait for their page at once; newer ones are dropped.
        public var maxPendingItems: Int
        /// How many pages one poll of a feed fetches at most; the rest wait for the next poll.
        public var maxPagesPerPoll: Int
        /// How many times a page is tried before its item is given up.
        public var maxPageAttempts: Int
        /// The longest wait between polls of a failing feed (besides 16 times its interval).
        public var maxBackoff: Duration
        /// The longest `Crawl-delay` honoured; longer ones are cut to it.
        public var maxCrawlDelay: Duration
        /// How long a robots.txt answer is kept.
        public var robotsLifetime: Duration
        /// How long a failed robots.txt fetch (5xx, unreachable) forbids the origin before it
        /// is asked again.
        public var robotsRetryAfter: Duration

        /// A configuration; the defaults suit a few hundred feeds polled every few minutes.
        public init(
            userAgent: String = WebClient.defaultUserAgent, maxParallelFetches: Int = 4, maxFeedBytes: Int = 4 * 1024 * 1024,
            maxPageBytes: Int = 4 * 1024 * 1024, seenItemsPerFeed: Int = 2_000, maxPendingItems: Int = 500, maxPagesPerPoll: Int = 50,
            maxPageAttempts: Int = 3, maxBackoff: Duration = .seconds(3_600), maxCrawlDelay: Duration = .seconds(10),
            robotsLifetime: Duration = .seconds(3_600), robotsRetryAfter: Duration = .seconds(300)
        ) {
            self.userAgent = userAgent
            self.maxParallelFetches = maxParallelFetches
            self.maxFeedBytes = maxFeedBytes
            self.maxPageBytes = maxPageBytes
            self.seenItemsPerFeed = seenItemsPerFeed
            self.maxPendingItems = maxPendingItems
            self.maxPagesPerPoll = maxPagesPerPoll
            self.maxPageAttempts = maxPageAttempts
            self.maxBackoff = maxBackoff
            self.maxCrawlDelay = maxCrawlDelay
            self.robotsLifetime = robotsLifetime
            self.robotsRetryAfter = robotsRetryAfter
        }
    }
}
