import ArgumentParser
import DatelineAPI

/// `dateline reextract`: runs the current extractor again over every article in the data
/// directory, replacing the entities and events older extractor versions made, then writes a
/// snapshot. Run it while no server uses that directory (a running server has
/// `POST /admin/reextract` instead).
struct Reextract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-extract the stored articles in the data directory with the current extractor (server stopped).")

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration = options.load()
        guard configuration.dataDirectory != nil else {
            ConfigurationOptions.fail(
                ConfigurationError(
                    key: "dataDirectory",
                    problem: "reextract works on the journal and snapshots; set DATELINE_DATA_DIR or --set dataDirectory=PATH"))
        }
        let (logger, logWriter) = LogSetup.bootstrap(configuration)
        defer { logWriter?.stop() }
        let application: Application
        do {
            application = try Application(configuration: configuration, logger: logger)
        } catch {
            ConfigurationOptions.fail(error)
        }
        do {
            try application.openStore()
            guard let job = application.reextractions.runNow(), job.state == .succeeded else { throw ExitCode(1) }
            try application.persistence.compact()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            logger.critical("re-extraction failed", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}
