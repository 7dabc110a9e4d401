import DatelineAPI
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sets up swift-log once for the process.
enum LogSetup {
    /// JSON lines, or readable text on a terminal or when configured. Returns the root logger,
    /// and the writer JSON lines go through (nil for text).
    static func bootstrap(_ configuration: DatelineConfiguration) -> (logger: Logger, jsonWriter: LogWriter?) {
        let json: Bool =
            switch configuration.logFormat {
            case .json: true
            case .text: false
            case .auto: isatty(STDOUT_FILENO) == 0
            }
        let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = json ? JSONLogHandler(label: label) : StreamLogHandler.standardOutput(label: label)
            handler.logLevel = level
            return handler
        }
        return (Logger(label: "dateline"), json ? LogWriter.standardOutput : nil)
    }
}
