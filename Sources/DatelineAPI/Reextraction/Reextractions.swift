import Dispatch
import Extraction
import Locking
import Logging
import NewsModel

/// Re-extraction jobs: the current extractor run again over stored articles, one article per
/// journaled version step, with progress kept for `GET /admin/reextract/{id}` and logged.
///
/// One job runs at a time. Jobs live in memory (the last few are kept); what they wrote is
/// durable like any other write, and a job cut short leaves each article wholly before or after.
public final class Reextractions: Sendable {
    private let ingestion: Ingestion
    private let logger: Logger
    private let queue = DispatchQueue(label: "dateline.reextraction")
    /// Oldest first; at most `kept`.
    private let jobs = Locked<[ReextractionStatus]>([])
    private static let kept = 20
    /// Seconds between progress log lines.
    private static let logInterval: UInt64 = 1_000_000_000

    init(ingestion: Ingestion, logger: Logger) {
        self.ingestion = ingestion
        self.logger = logger
    }

    /// What starting a job found.
    enum Start {
        case started(ReextractionStatus)
        /// Another job is running: this one.
        case busy(ReextractionStatus)
    }

    /// Starts a job over every stored article in the background, unless one is running.
    func start() -> Start {
        let claimed = claim()
        if case .started(let status) = claimed {
            queue.async { [self] in _ = run(status.id, articleIDs: nil) }
        }
        return claimed
    }

    /// Re-extracts every stored article (or those of `articleIDs`) on the caller's thread and
    /// returns the finished job; nil when another job is running.
    public func runNow(articleIDs: [String]? = nil) -> ReextractionStatus? {
        guard case .started(let status) = claim() else { return nil }
        return run(status.id, articleIDs: articleIDs)
    }

    /// The job with this id, if it is still kept.
    func status(_ id: String) -> ReextractionStatus? {
        jobs.withLock { $0.last { $0.id == id } }
    }

    private func claim() -> Start {
        jobs.withLock { jobs in
            if let running = jobs.last(where: { $0.state == .running }) { return .busy(running) }
            let status = ReextractionStatus(id: Self.makeID(), extractorVersion: Extractor.version, startedAt: LogTimestamp.now())
            jobs.append(status)
            if jobs.count > Self.kept { jobs.removeFirst(jobs.count - Self.kept) }
            return .started(status)
        }
    }

    private func update(_ id: String, _ change: (inout ReextractionStatus) -> Void) -> ReextractionStatus? {
        jobs.withLock { jobs in
            guard let index = jobs.lastIndex(where: { $0.id == id }) else { return nil }
            change(&jobs[index])
            return jobs[index]
        }
    }

    private func run(_ id: String, articleIDs: [String]?) -> ReextractionStatus? {
        let ids = articleIDs ?? Self.allArticles(in: ingestion.store.snapshot).reversed().map(\.id)
        _ = update(id) { $0.articlesTotal = ids.count }
        logger.info(
            "re-extraction started",
            metadata: [
                "job": .string(id), "extractor_version": .string(Extractor.version), "articles_total": .stringConvertible(ids.count),
            ])
        var lastLog = DispatchTime.now().uptimeNanoseconds
        do {
            for (index, articleID) in ids.enumerated() {
                let counts = try ingestion.reextract(articleID: articleID)
                let status = update(id) { status in
                    status.articlesDone = index + 1
                    if let counts { status.add(counts) }
                }
                let now = DispatchTime.now().uptimeNanoseconds
                if now - lastLog >= Self.logInterval, let status {
                    lastLog = now
                    log("re-extraction progress", status)
                }
            }
            let finished = update(id) { status in
                status.state = .succeeded
                status.finishedAt = LogTimestamp.now()
            }
            if let finished { log("re-extraction finished", finished) }
            return finished
        } catch {
            let failed = update(id) { status in
                status.state = .failed
                status.finishedAt = LogTimestamp.now()
                status.error = "\(error)"
            }
            logger.error("re-extraction failed", metadata: ["job": .string(id), "error": "\(error)"])
            return failed
        }
    }

    private func log(_ message: Logger.Message, _ status: ReextractionStatus) {
        logger.info(
            message,
            metadata: [
                "job": .string(status.id), "articles_done": .stringConvertible(status.articlesDone),
                "articles_total": .stringConvertible(status.articlesTotal),
                "articles_reextracted": .stringConvertible(status.articlesReextracted),
                "events_replaced": .stringConvertible(status.eventsReplaced), "events_created": .stringConvertible(status.eventsCreated),
                "entities_replaced": .stringConvertible(status.entitiesReplaced),
                "entities_created": .stringConvertible(status.entitiesCreated),
            ])
    }

    /// Every article, in the order of the articles list.
    static func allArticles(in snapshot: StoreSnapshot) -> [Article] {
        var articles: [Article] = []
        var cursor: String?
        repeat {
            guard let page = try? snapshot.articles(limit: EventQuery.maxLimit, cursor: cursor) else { break }
            articles += page.items
            cursor = page.next
        } while cursor != nil
        return articles
    }

    /// 16 random hex digits.
    static func makeID() -> String {
        let digits = String(UInt64.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
