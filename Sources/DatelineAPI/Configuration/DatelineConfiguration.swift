public import HTTPServer

/// Everything Dateline can be told, with its defaults. `ConfigurationKey.all` documents each key
/// with its environment variable and flag; `ConfigurationLoader` fills it from a file, the
/// environment and the command line, in that order of precedence.
public struct DatelineConfiguration: Sendable, Hashable {
    /// The HTTP server's address, limits and timeouts.
    public var server = HTTPServerConfiguration()
    /// Origins whose pages may call the API (`http://localhost:3000`), or `*`.
    public var allowedOrigins: [String] = []
    /// Bodies at least this large are compressed when the client accepts it.
    public var compressionMinimumBytes = 1024
    /// The web page's folder, served at `/`.
    public var publicDirectory = "Public"
    /// The folder of seed articles loaded at start-up (each a `.json` metadata file beside its text).
    public var seedDirectory = "data/seed"
    /// `json`, `text`, or `auto` (text on a terminal, JSON otherwise).
    public var logFormat = LogFormat.auto
    /// The lowest level logged: trace, debug, info, notice, warning, error, critical.
    public var logLevel = "info"
    /// Whether each request writes an access-log line.
    public var accessLog = true

    public init() {}

    /// How log lines are written.
    public enum LogFormat: String, Sendable, Hashable, CaseIterable {
        case auto, json, text
    }
}
