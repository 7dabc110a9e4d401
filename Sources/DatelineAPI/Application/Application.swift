import Dispatch
import Extraction
import Foundation
public import HTTPServer
public import Logging
public import NewsModel

/// Dateline assembled: the store, the routes, the middleware and the server, from a configuration.
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
    private let logger: Logger
    private let ingestion: Ingestion

    public init(configuration: DatelineConfiguration, logger: Logger, store: NewsStore = NewsStore()) {
        self.configuration = configuration
        self.logger = logger
        self.store = store
        self.ingestion = Ingestion(store: store)
    }

    /// Loads the seed articles, then marks the application ready. Runs on a background queue
    /// and returns at once; `completion` runs when loading ends.
    public func loadStore(completion: @escaping @Sendable () -> Void = {}) {
        DispatchQueue.global().async { [self] in
            let started = DispatchTime.now()
            do {
                let inputs = try SeedLoader.load(directory: configuration.seedDirectory)
                for input in inputs { _ = ingestion.ingest(input) }
                let snapshot = store.snapshot
                logger.info("store loaded", metadata: [
                    "articles": .stringConvertible(snapshot.articleCount),
                    "entities": .stringConvertible(snapshot.entityCount),
                    "events": .stringConvertible(snapshot.eventCount),
                    "ms": .stringConvertible(Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6),
                ])
                readiness.set(.ready)
            } catch {
                logger.error("loading the store failed", metadata: ["error": "\(error)"])
                readiness.set(.failed("\(error)"))
            }
            completion()
        }
    }

    /// The routes wrapped in the middleware, outermost first: CORS answers preflights before
    /// anything runs; compression wraps the ETag step so each encoding gets its own tag.
    public func makeResponder() -> any Responder {
        let statics = StaticFiles(root: configuration.publicDirectory)
        let routes = APIRoutes(store: store, readiness: readiness).makeRouter(fallback: statics)
        return routes.wrapped(in: [
            CORSMiddleware(allowedOrigins: configuration.allowedOrigins),
            CompressionMiddleware(minimumBytes: configuration.compressionMinimumBytes),
            ETagMiddleware(),
        ])
    }

    /// The HTTP server for this application, with the access log when configured.
    public func makeServer() -> HTTPServer {
        HTTPServer(configuration: configuration.server, responder: makeResponder(), logger: logger,
                   observer: configuration.accessLog ? AccessLog(logger: logger) : nil)
    }
}
