import ArgumentParser
import DatelineAPI

/// `dateline healthcheck`: asks a running server's `/healthz` and exits 0 when it answers 200,
/// 1 otherwise. Made for container health checks, where no curl is installed.
struct Healthcheck: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Exit 0 when the configured server answers /healthz with 200, else 1.")

    @OptionGroup var options: ConfigurationOptions

    @Option(help: "Seconds to wait for the answer.")
    var timeout: Double = 3

    func run() throws {
        let configuration = options.load()
        let host = ["0.0.0.0", "::"].contains(configuration.server.host) ? "127.0.0.1" : configuration.server.host
        let healthy = HealthProbe.check(host: host, port: configuration.server.port, path: "/healthz", timeout: timeout)
        throw ExitCode(healthy ? 0 : 1)
    }
}
