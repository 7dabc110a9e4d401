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
    /// The bearer token writes must carry; nil refuses writes unless `allowAnonymousWrites`.
    public var apiToken: String?
    /// Lets writes through without a token (for trying Dateline locally only).
    public var allowAnonymousWrites = false
    /// Where the journal and snapshots live; nil keeps the store in memory only.
    public var dataDirectory: String?
    /// Journal records after which a snapshot is written and the journal emptied.
    public var journalCompactAfter = 10_000
    /// Seconds between heartbeat comments on idle change streams.
    public var changesHeartbeatSeconds = 15.0

    public init() {}

    /// How log lines are written.
    public enum LogFormat: String, Sendable, Hashable, CaseIterable {
        case auto, json, text
    }
}
