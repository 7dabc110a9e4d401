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
    /// The folder of the extractor's knowledge base: `knowledge.json` and the `places.tsv` gazetteer.
    public var knowledgeDirectory = "data/knowledge"
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
    /// The libpq connection URI of a PostgreSQL store of record; nil keeps the store embedded.
    /// It may carry a password, so `dateline config print` masks it.
    public var databaseURL: String?
    /// Journal records after which a snapshot is written and the journal emptied, once the
    /// journal is as large as the last snapshot.
    public var journalCompactAfter = 10_000
    /// Seconds a journal flush waits at most for more writes to join it, once the flush before it
    /// covered several (PostgreSQL's `commit_delay`), and only until half as many are staged; 0
    /// never waits.
    public var journalCommitDelaySeconds = 0.002
    /// Seconds between heartbeat comments on idle change streams.
    public var changesHeartbeatSeconds = 15.0
    /// HTTPS settings as configured; `server.tls` is derived from them once both files are named.
    public var tls = TLSSettings()

    /// RSS and Atom feeds polled for new articles.
    public var feeds: [FeedSetting] = []
    /// Lets feeds and the pages they link be fetched from loopback, private and link-local
    /// addresses; off, a feed cannot make the server reach into its own network.
    public var allowInternalFeedAddresses = false
    /// HTTPS as configured: both PEM files turn it on.
    public struct TLSSettings: Sendable, Hashable {
        public var certificate: String?
        public var privateKey: String?
        public var port = 8443
        public var only = false
        public var redirectHTTP = false
        public var hstsMaxAge = TLSConfiguration.defaultHSTSMaxAge

        public init() {}
    }

    /// Derives `server.tls` from `tls`; both files or neither must be named.
    mutating func resolveTLS() throws {
        switch (tls.certificate, tls.privateKey) {
        case (nil, nil):
            server.tls = nil
        case (let certificate?, let key?):
            server.tls = TLSConfiguration(
                certificatePath: certificate, privateKeyPath: key, port: tls.port, only: tls.only,
                redirectHTTP: tls.redirectHTTP, hstsMaxAge: tls.hstsMaxAge)
        case (nil, _):
            throw ConfigurationError(key: "tls.certificate", problem: "must be set when tls.privateKey is")
        case (_, nil):
            throw ConfigurationError(key: "tls.privateKey", problem: "must be set when tls.certificate is")
        }
        if tls.redirectHTTP && tls.only {
            throw ConfigurationError(key: "tls.redirectHTTP", problem: "needs plain HTTP, which tls.only turns off")
        }
    }

    /// A store of record lives in one place: PostgreSQL or the local journal, never both.
    func checkStoreOfRecord() throws {
        if databaseURL != nil && dataDirectory != nil {
            throw ConfigurationError(
                key: "database.url",
                problem: "cannot be set together with dataDirectory: PostgreSQL or the local journal keeps the store, not both")
        }
    }

    public init() {}

    /// How log lines are written.
    public enum LogFormat: String, Sendable, Hashable, CaseIterable {
        case auto, json, text
    }
}
