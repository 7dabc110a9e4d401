import ArgumentParser
import DatelineAPI
import FoundationEssentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The flags every subcommand shares to find and override the configuration.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: $DATELINE_CONFIG, else ./config.json).")
    var config: String?

    @Option(name: .long, help: "Address to listen on (127.0.0.1, 0.0.0.0, ::).")
    var host: String?

    @Option(name: .long, help: "TCP port; 0 binds a free one.")
    var port: String?

    @Option(name: .customLong("log-format"), help: "json, text or auto.")
    var logFormat: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Any configuration key, as KEY=VALUE (repeatable).", valueName: "KEY=VALUE"))
    var settings: [String] = []

    /// The effective configuration; on a bad key or value, prints it and exits with code 2.
    func load() -> DatelineConfiguration {
        var overrides: [(key: String, value: String)] = []
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else {
                Self.fail(ConfigurationError(key: setting, problem: "--set takes KEY=VALUE"))
            }
            overrides.append((String(setting[..<equals]), String(setting[setting.index(after: equals)...])))
        }
        if let host { overrides.append(("host", host)) }
        if let port { overrides.append(("port", port)) }
        if let logFormat { overrides.append(("log.format", logFormat)) }
        if let logLevel { overrides.append(("log.level", logLevel)) }
        do {
            return try ConfigurationLoader.load(
                file: config, environment: ProcessInfo.processInfo.environment,
                overrides: overrides)
        } catch {
            Self.fail(error)
        }
    }

    static func fail(_ error: any Error) -> Never {
        let message = Array("dateline: \(error)\n".utf8)
        _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        #if canImport(Glibc)
        Glibc.exit(2)
        #else
        Darwin.exit(2)
        #endif
    }
}
