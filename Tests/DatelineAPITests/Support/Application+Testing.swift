import DatelineAPI
import Extraction
import Logging
import NewsModel

extension Application {
    /// An application for a test on `configuration` and `store`, logging nothing unless `logger`
    /// says otherwise. Every application a test makes comes from here, so that the knowledge
    /// base is read once per process: reading it takes a debug build seconds.
    static func testing(
        _ configuration: DatelineConfiguration = .testing(), store: NewsStore = NewsStore(),
        logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    ) throws -> Application {
        try Application(configuration: configuration, logger: logger, store: store, knowledge: .repository)
    }

    /// An application on the repository's seed, its store opened and ready, logging only
    /// critical lines; `configure` adjusts the testing configuration first.
    static func seededForTesting(_ configure: (inout DatelineConfiguration) -> Void = { _ in }) throws -> Application {
        var configuration = DatelineConfiguration.testing()
        configuration.server.port = 0
        configuration.seedDirectory = ServerProcess.packageRoot.appendingPathComponent("data/seed").path
        configure(&configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let application = try testing(configuration, logger: logger)
        try application.openStore()
        application.readiness.set(.ready)
        return application
    }
}

extension KnowledgeBase {
    /// The repository's knowledge base, read on first use.
    fileprivate static let repository = try! KnowledgeBase(directory: DatelineConfiguration.testing().knowledgeDirectory)
}
