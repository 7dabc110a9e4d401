import Dispatch
public import Extraction
import Feeds
import FoundationEssentials
public import HTTPServer
public import Logging
public import NewsModel

/// Dateline assembled: the store and its persistence, the routes, the middleware and the
/// server, from a configuration.
///
/// ```swift
/// let application = try Application(configuration: configuration, logger: logger)
/// let server = application.makeServer()
/// try server.start()
/// application.loadStore()   // in the background; /readyz answers 503 until it is done
/// ```
public final class Application: Sendable {
    public let configuration: DatelineConfiguration
    public let store: NewsStore
    public let readiness = Readiness()
    public let persistence: any StoreOfRecord
    public let metrics: MetricsObserver
    /// Re-extraction jobs: the current extractor over the stored articles again.
    public let reextractions: Reextractions
    private let logger: Logger
    let ingestion: Ingestion
    /// Polls the configured feeds once the store has loaded; nil when none is configured.
    private let feeds: FeedPoller?

    /// Reads the extractor's knowledge base from `knowledgeDirectory`, unless `knowledge` is
    /// given (a process making several applications, as the tests do, reads it once); throws a
    /// ``ConfigurationError`` naming that key when it cannot be read.
    public init(
        configuration: DatelineConfiguration, logger: Logger, store: NewsStore = NewsStore(),
        knowledge: KnowledgeBase? = nil
    ) throws {
        let knowledge = try knowledge ?? Self.readKnowledge(configuration)
        self.configuration = configuration
        self.logger = logger
        self.store = store
        let feed = ChangeFeed(heartbeatInterval: configuration.changesHeartbeatSeconds)
        if let url = configuration.databaseURL {
            self.persistence = DatabasePersistence(url: url, store: store, feed: feed, readiness: readiness, logger: logger)
        } else {
            self.persistence = Persistence(
                store: store, feed: feed, directory: configuration.dataDirectory,
                compactAfter: configuration.journalCompactAfter, commitDelay: configuration.journalCommitDelaySeconds,
                logger: logger)
        }
        self.ingestion = Ingestion(persistence: persistence, extractor: Extractor(knowledge: knowledge))
        self.metrics = MetricsObserver(store: store, persistence: persistence)
        self.reextractions = Reextractions(ingestion: ingestion, logger: logger)
        self.feeds = Self.makeFeedPoller(configuration, ingestion: FeedIngestion(ingestion: ingestion))
    }

    private static func readKnowledge(_ configuration: DatelineConfiguration) throws -> KnowledgeBase {
        do {
            return try KnowledgeBase(directory: configuration.knowledgeDirectory)
        } catch {
            throw ConfigurationError(
                key: "knowledgeDirectory", problem: "cannot read the knowledge base in \"\(configuration.knowledgeDirectory)\": \(error)")
        }
    }

    private static func makeFeedPoller(_ configuration: DatelineConfiguration, ingestion: FeedIngestion) -> FeedPoller? {
        guard !configuration.feeds.isEmpty else { return nil }
        let sources = configuration.feeds.map { FeedSource(url: $0.url, interval: .seconds($0.intervalSeconds)) }
        let client = WebClient(configuration: .init(blocksInternalAddresses: !configuration.allowInternalFeedAddresses))
        return FeedPoller(sources: sources, client: client, sink: ingestion.ingest)
    }

    /// Starts polling the configured feeds (the store must be loaded); ``loadStore(completion:)``
    /// calls it once the application is ready.
    public func startFeeds() {
        guard let feeds else { return }
        feeds.start()
        logger.info("polling feeds", metadata: ["feeds": .stringConvertible(configuration.feeds.count)])
    }

    /// Stops polling: transfers in flight are cancelled, an ingestion in progress finishes.
    public func stopFeeds() {
        feeds?.stop()
    }

    /// Loads the seed (or the durable snapshot and journal), then marks the application ready.
    /// Runs on a background queue and returns at once; `completion` runs when loading ends.
    public func loadStore(completion: @escaping @Sendable () -> Void = {}) {
        DispatchQueue.global().async { [self] in
            do {
                try openStore()
                readiness.set(.ready)
                startFeeds()
            } catch {
                logger.error("loading the store failed", metadata: ["error": "\(error)"])
                readiness.set(.failed("\(error)"))
            }
            completion()
        }
    }

    /// Loads the seed (or the durable snapshot and journal) on the caller's thread. Seed
    /// articles that a snapshot or journal holds from an older extractor are re-extracted.
    public func openStore() throws {
        let started = DispatchTime.now()
        var seeded = false
        try persistence.open {
            seeded = true
            for input in try SeedLoader.load(directory: configuration.seedDirectory) {
                _ = try ingestion.ingest(input)
            }
        }
        if !seeded { try reextractSeed() }
        let snapshot = store.snapshot
        logger.info(
            "store loaded",
            metadata: [
                "articles": .stringConvertible(snapshot.articleCount),
                "entities": .stringConvertible(snapshot.entityCount),
                "events": .stringConvertible(snapshot.eventCount),
                "version": .stringConvertible(Int(snapshot.version)),
                "ms": .stringConvertible(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6),
            ])
    }

    /// Re-extracts the seed articles the store holds when an older extractor made them (a
    /// fresh start has just extracted them with the current one).
    private func reextractSeed() throws {
        let seed: [ArticleInput]
        do {
            seed = try SeedLoader.load(directory: configuration.seedDirectory)
        } catch {
            logger.warning("the seed cannot be read to check its extractor version", metadata: ["error": "\(error)"])
            return
        }
        let outdated = seed.compactMap { ingestion.storedArticleID(for: $0) }.filter { ingestion.needsReextraction(articleID: $0) }
        guard !outdated.isEmpty, let job = reextractions.runNow(articleIDs: outdated), job.state == .failed else { return }
        throw DurabilityError(
            operation: "re-extract", path: configuration.seedDirectory, errno: nil,
            reason: job.error ?? "the seed could not be re-extracted")
    }

    /// Says at start-up how writes are guarded.
    public func logWritePolicy() {
        if configuration.apiToken != nil {
            logger.info("writes need the configured bearer token")
        } else if configuration.allowAnonymousWrites {
            logger.warning("writes are open to anyone: no API token is set and allowAnonymousWrites is on")
        } else {
            logger.notice("writes are refused: no API token is configured (set DATELINE_API_TOKEN)")
        }
    }

    /// Every route: the read API, writes (authorized by the router once it knows the route
    /// takes the method), the change feed and the metrics; static files answer the rest.
    public func makeRouter() -> Router {
        var router = APIRoutes(store: store, readiness: readiness).makeRouter(fallback: StaticFiles(root: configuration.publicDirectory))
        let authorization = WriteAuthorization(token: configuration.apiToken, allowAnonymous: configuration.allowAnonymousWrites)
        WriteRoutes(ingestion: ingestion, bodyLimit: configuration.server.limits.bodyBytes).register(in: &router)
        ReextractionRoutes(reextractions: reextractions, store: store, readiness: readiness, authorization: authorization).register(
            in: &router)
        ChangeRoutes(persistence: persistence).register(in: &router)
        FeedRoutes(poller: feeds, store: store).register(in: &router)
        MetricsRoutes(metrics: metrics).register(in: &router)
        router.use(authorization, for: [.post, .put, .patch, .delete])
        return router
    }

    /// The routes wrapped in the middleware, outermost first: the response cache answers hot
    /// GETs for the current store version with everything below already done; CORS answers
    /// preflights before anything else runs; errors become problem responses just below the
    /// security headers, so every answer carries them; compression wraps the ETag step so each
    /// encoding gets its own tag.
    public func makeResponder() -> any Responder {
        makeRouter().wrapped(in: [
            ResponseCache(store: store),
            CORSMiddleware(allowedOrigins: configuration.allowedOrigins),
            SecurityHeaders(),
            ErrorMiddleware(logger: logger),
            CompressionMiddleware(minimumBytes: configuration.compressionMinimumBytes),
            ETagMiddleware(),
        ])
    }

    /// The HTTP server for this application, feeding the metrics and, when configured, the
    /// access log: as JSON lines to `accessLogWriter` when one is given, else through the logger.
    public func makeServer(accessLogWriter: LogWriter? = nil) -> HTTPServer {
        let accessLog = AccessLog(logger: logger, writer: accessLogWriter)
        let observers: [any HTTPServerObserver] = (configuration.accessLog ? [accessLog] : []) + [metrics]
        return HTTPServer(
            configuration: configuration.server, responder: makeResponder(), logger: logger,
            observer: ObserverGroup(observers))
    }
}
