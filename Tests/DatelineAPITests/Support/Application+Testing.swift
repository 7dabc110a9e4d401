import DatelineAPI
import Logging

extension Application {
    /// An application on the repository's seed, its store opened and ready, logging only
    /// critical lines; `configure` adjusts the testing configuration first.
    static func seededForTesting(_ configure: (inout DatelineConfiguration) -> Void = { _ in }) throws -> Application {
        var configuration = DatelineConfiguration.testing()
        configuration.server.port = 0
        configuration.seedDirectory = ServerProcess.packageRoot.appendingPathComponent("data/seed").path
        configure(&configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let application = try Application(configuration: configuration, logger: logger, knowledge: .repository)
        try application.openStore()
        application.readiness.set(.ready)
        return application
    }
}
