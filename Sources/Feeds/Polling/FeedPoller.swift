import Dispatch
import Locking

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Polls feeds, each on its own schedule, and hands every new article page to a sink.
///
/// A small pool of threads of its own (never an event loop, never Dispatch's shared pool)
/// takes each feed when it falls due: a conditional GET (`If-None-Match`,
/// `If-Modified-Since`; a 304 means nothing new), then for each item not seen before, one
/// fetch of its page and a call to the sink. Fetches are polite: robots.txt is checked per
/// origin and cached, one request at a time per host, `Crawl-delay` honoured up to a limit. A
/// page that fails is tried again on later polls a few times; a feed that fails (unreachable,
/// timeout, HTTP error, not a feed, too large) backs off exponentially without holding up the
/// others. ``statuses`` tells how each feed is doing.
///
/// ```swift
/// let poller = FeedPoller(
///     sources: [FeedSource(url: "https://example.org/rss.xml", interval: .seconds(600))],
///     configuration: .init(userAgent: "Dateline/1.0 (+https://example.org/bot)")
/// ) { page in
///     try pipeline.ingest(html: page.html, url: page.pageURL) ? .created : .duplicate
/// }
/// poller.start()
/// // later
/// poller.stop()
/// ```
public final class FeedPoller: Sendable {
    /// Receives each new page once (more than once only if its item was forgotten), on one
    /// of the poller's threads, several at once for different feeds; may block. Throwing
    /// records the error against the item.
    public typealias Sink = @Sendable (FeedArticlePage) throws -> FeedIngestOutcome

    let sources: [FeedSource]
    let configuration: Configuration
    let client: any WebFetching
    let sink: Sink
    let board: ConditionLocked<Board>
    let gate = HostGate()
    let robots = RobotsCache()
    let cancellation = WebCancellation()
    private let workersDone = DispatchGroup()

    /// Polls `sources` with `client`, handing pages to `sink`; nothing happens until `start()`.
    /// The default client refuses internal addresses, since feeds and their links come from
    /// outside.
    public init(
        sources: [FeedSource], client: any WebFetching = WebClient(configuration: .init(blocksInternalAddresses: true)),
        configuration: Configuration = Configuration(),
        sink: @escaping Sink
    ) {
        self.sources = sources
        self.configuration = configuration
        self.client = client
        self.sink = sink
        let records = sources.map { FeedRecord(source: $0, seenCapacity: configuration.seenItemsPerFeed) }
        board = ConditionLocked(Board(records: records))
    }

    /// Starts polling: every feed is due at once, then on its own schedule. Does nothing if
    /// the poller was started before (a stopped poller stays stopped).
    public func start() {
        let started = board.update { board -> Bool in
            guard board.phase == .idle else { return false }
            board.phase = .running
            let now = Date()
            for index in board.records.indices {
                board.records[index].due = .now
                board.records[index].status.nextFetchAt = now
            }
            return true
        }
        guard started else { return }
        for _ in 0..<workerCount {
            workersDone.enter()
            WorkerThread.start { [self] in
                runWorker()
                workersDone.leave()
            }
        }
    }

    /// Stops polling: transfers in flight are cancelled (libcurl notices within about a
    /// second), a sink call in progress finishes, and every thread has ended on return.
    public func stop() {
        let wasRunning = board.update { board -> Bool in
            defer { board.phase = .stopped }
            return board.phase == .running
        }
        gate.stop()
        cancellation.cancel()
        if wasRunning { workersDone.wait() }
    }

    /// The status of every feed, in the order of `sources`; the waiting items counted now.
    public var statuses: [FeedStatus] {
        board.withLock { board in
            board.records.map { record in
                var status = record.status
                status.itemsPending = record.pending.count
                return status
            }
        }
    }

    /// One thread per feed up to the configured parallelism.
    private var workerCount: Int {
        max(1, min(configuration.maxParallelFetches, sources.count))
    }
}
