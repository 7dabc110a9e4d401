import ArgumentParser
import DatelineAPI
import Dispatch
import HTTPServer
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `dateline serve`: load the store, listen, and shut down gracefully on SIGTERM or SIGINT.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the API and the web page (the default command).")

    @OptionGroup var options: ConfigurationOptions

    func run() throws {
        let configuration = options.load()
        let (logger, logWriter) = LogSetup.bootstrap(configuration)
        let application: Application
        let server: HTTPServer
        do {
            application = try Application(configuration: configuration, logger: logger)
        } catch {
            ConfigurationOptions.fail(error)
        }
        do {
            server = application.makeServer(accessLogWriter: logWriter)
            try server.start()
        } catch {
            logger.critical("start-up failed", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        let reloadSource = Signals.onHangup {
            do {
                try server.reloadTLS()
            } catch {
                logger.error("TLS reload failed; keeping the current certificate", metadata: ["error": "\(error)"])
            }
        }
        application.logWritePolicy()
        application.loadStore()
        let signalSources = Signals.onTermination { signal in
            logger.info("signal received; shutting down", metadata: ["signal": "\(signal)"])
            application.stopFeeds()
            server.shutdown {
                logger.info("stopped")
                logWriter?.stop()
                #if canImport(Glibc)
                Glibc.exit(0)
                #else
                Darwin.exit(0)
                #endif
            }
        }
        withExtendedLifetime((signalSources, reloadSource)) { dispatchMain() }
    }
}
