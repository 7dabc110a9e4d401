import HTTPServer

extension ConfigurationKey {
    /// Every key Dateline reads, in the order the README's table lists them.
    public static let all: [ConfigurationKey] = [
        ConfigurationKey(
            "host", flag: "--host HOST", "Address to listen on: 127.0.0.1, 0.0.0.0, :: (IPv6 and IPv4) or ::1.",
            kind: .string(allowed: nil), apply: { $0.server.host = $1.string }, read: { .string($0.server.host) }),
        ConfigurationKey(
            "port", flag: "--port N", "TCP port; 0 binds a free one and logs it.",
            kind: .integer(0...65535), apply: { $0.server.port = $1.integer }, read: { .integer($0.server.port) }),
        ConfigurationKey(
            "backlog", "Listen backlog.",
            kind: .integer(1...65535), apply: { $0.server.backlog = $1.integer }, read: { .integer($0.server.backlog) }),
        ConfigurationKey(
            "maxConnections", "Connections open at once; past it new ones get 503.",
            kind: .integer(1...1_000_000), apply: { $0.server.maxConnections = $1.integer },
            read: { .integer($0.server.maxConnections) }),
        ConfigurationKey(
            "eventLoops", "Event-loop threads serving connections; 0 runs one per online CPU.",
            kind: .integer(0...1024), apply: { $0.server.eventLoops = $1.integer },
            read: { .integer($0.server.eventLoops) }),
        ConfigurationKey(
            "ioEngine", "I/O engine under the loops: epoll (Linux only, the default there) or dispatch (Dispatch sources).",
            kind: .string(allowed: IOEngine.available.map(\.rawValue)),
            apply: { $0.server.ioEngine = IOEngine(rawValue: $1.string) ?? .platformDefault },
            read: { .string($0.server.ioEngine.rawValue) }),
        ConfigurationKey(
            "limits.requestLineBytes", "Longest request line (414 past it).",
            kind: .integer(256...1_048_576), apply: { $0.server.limits.requestLineBytes = $1.integer },
            read: { .integer($0.server.limits.requestLineBytes) }),
        ConfigurationKey(
            "limits.headerBytes", "Largest header section (431 past it).",
            kind: .integer(1024...1_048_576), apply: { $0.server.limits.headerBytes = $1.integer },
            read: { .integer($0.server.limits.headerBytes) }),
        ConfigurationKey(
            "limits.headerCount", "Most header fields (431 past it).",
            kind: .integer(1...10_000), apply: { $0.server.limits.headerCount = $1.integer },
            read: { .integer($0.server.limits.headerCount) }),
        ConfigurationKey(
            "limits.bodyBytes", "Largest request body (413 past it).",
            kind: .integer(0...1_073_741_824), apply: { $0.server.limits.bodyBytes = $1.integer },
            read: { .integer($0.server.limits.bodyBytes) }),
        ConfigurationKey(
            "timeouts.headerRead", "Seconds from a request's first byte to the end of its header.",
            kind: .seconds(0.1...3600), apply: { $0.server.timeouts.headerRead = $1.seconds },
            read: { .seconds($0.server.timeouts.headerRead) }),
        ConfigurationKey(
            "timeouts.idle", "Seconds an idle keep-alive connection stays open.",
            kind: .seconds(0.1...86400), apply: { $0.server.timeouts.idle = $1.seconds },
            read: { .seconds($0.server.timeouts.idle) }),
        ConfigurationKey(
            "timeouts.bodyProgress", "Longest pause, in seconds, within a request body.",
            kind: .seconds(0.1...3600), apply: { $0.server.timeouts.bodyProgress = $1.seconds },
            read: { .seconds($0.server.timeouts.bodyProgress) }),
        ConfigurationKey(
            "timeouts.writeStall", "Seconds a response may wait on a client that does not read.",
            kind: .seconds(0.1...3600), apply: { $0.server.timeouts.writeStall = $1.seconds },
            read: { .seconds($0.server.timeouts.writeStall) }),
        ConfigurationKey(
            "timeouts.shutdown", "Seconds graceful shutdown waits before force-closing.",
            kind: .seconds(0...3600), apply: { $0.server.timeouts.shutdownDeadline = $1.seconds },
            read: { .seconds($0.server.timeouts.shutdownDeadline) }),
        ConfigurationKey(
            "cors.allowedOrigins", "Origins whose pages may call the API (a JSON list; comma-separated in the environment), or *.",
            kind: .list, apply: { $0.allowedOrigins = $1.list }, read: { .list($0.allowedOrigins) }),
        ConfigurationKey(
            "compression.minimumBytes", "Smallest body compressed with gzip or deflate.",
            kind: .integer(0...1_073_741_824), apply: { $0.compressionMinimumBytes = $1.integer },
            read: { .integer($0.compressionMinimumBytes) }),
        ConfigurationKey(
            "publicDirectory", "The web page's folder, served at /.",
            kind: .string(allowed: nil), apply: { $0.publicDirectory = $1.string }, read: { .string($0.publicDirectory) }),
        ConfigurationKey(
            "seedDirectory", "Folder of seed articles loaded at start-up.",
            kind: .string(allowed: nil), apply: { $0.seedDirectory = $1.string }, read: { .string($0.seedDirectory) }),
        ConfigurationKey(
            "knowledgeDirectory", "Folder of the extractor's knowledge base (knowledge.json, places.tsv).",
            kind: .string(allowed: nil), apply: { $0.knowledgeDirectory = $1.string }, read: { .string($0.knowledgeDirectory) }),
        ConfigurationKey(
            "log.format", flag: "--log-format FORMAT", "json, text, or auto (text on a terminal).",
            kind: .string(allowed: DatelineConfiguration.LogFormat.allCases.map(\.rawValue)),
            apply: { $0.logFormat = .init(rawValue: $1.string)! }, read: { .string($0.logFormat.rawValue) }),
        ConfigurationKey(
            "log.level", flag: "--log-level LEVEL", "Lowest level logged.",
            kind: .string(allowed: ["trace", "debug", "info", "notice", "warning", "error", "critical"]),
            apply: { $0.logLevel = $1.string }, read: { .string($0.logLevel) }),
        ConfigurationKey(
            "log.access", "Whether every request writes an access-log line.",
            kind: .boolean, apply: { $0.accessLog = $1.boolean }, read: { .boolean($0.accessLog) }),
        ConfigurationKey(
            "apiToken", secret: true, "Bearer token that writes must carry; unset refuses writes.",
            kind: .optionalString, apply: { $0.apiToken = $1.string.isEmpty ? nil : $1.string },
            read: { .string($0.apiToken ?? "") }),
        ConfigurationKey(
            "allowAnonymousWrites", "Accept writes without a token when none is set (local tries only).",
            kind: .boolean, apply: { $0.allowAnonymousWrites = $1.boolean }, read: { .boolean($0.allowAnonymousWrites) }),
        ConfigurationKey(
            "dataDirectory", environment: "DATELINE_DATA_DIR", "Folder of the journal and snapshots; unset keeps the store in memory.",
            kind: .optionalString, apply: { $0.dataDirectory = $1.string.isEmpty ? nil : $1.string },
            read: { .string($0.dataDirectory ?? "") }),
        ConfigurationKey(
            "database.url", secret: true,
            "PostgreSQL connection URI (postgresql://user@host:5432/dateline) of the store of record; not with dataDirectory.",
            kind: .optionalString, apply: { $0.databaseURL = $1.string.isEmpty ? nil : $1.string },
            read: { .string($0.databaseURL ?? "") }),
        ConfigurationKey(
            "feeds",
            "RSS or Atom feeds to poll: a JSON list of {\"url\", \"intervalSeconds\" (default 300, at least 1)}; comma-separated URLs in the environment.",
            kind: .feeds, apply: { $0.feeds = $1.feeds }, read: { .feeds($0.feeds) }),
        ConfigurationKey(
            "allowInternalFeedAddresses",
            "Fetch feeds and their pages from loopback, private and link-local addresses too (off: a feed cannot reach the server's own network).",
            kind: .boolean, apply: { $0.allowInternalFeedAddresses = $1.boolean }, read: { .boolean($0.allowInternalFeedAddresses) }),
        ConfigurationKey(
            "journal.compactAfter",
            "Journal records after which a snapshot is written (once the journal is as large as the last snapshot).",
            kind: .integer(1...10_000_000), apply: { $0.journalCompactAfter = $1.integer },
            read: { .integer($0.journalCompactAfter) }),
        ConfigurationKey(
            "journal.commitDelaySeconds",
            "Seconds a journal flush waits at most for more writes to join it, under load only (the flush before covered 5 writes or more), and only until half as many as that flush covered are staged; 0 never waits.",
            kind: .seconds(0...0.1), apply: { $0.journalCommitDelaySeconds = $1.seconds },
            read: { .seconds($0.journalCommitDelaySeconds) }),
        ConfigurationKey(
            "changes.heartbeatSeconds", "Seconds between heartbeats on idle change streams.",
            kind: .seconds(0.1...3600), apply: { $0.changesHeartbeatSeconds = $1.seconds },
            read: { .seconds($0.changesHeartbeatSeconds) }),
        ConfigurationKey(
            "tls.certificate", "PEM certificate chain; with tls.privateKey, turns HTTPS on.",
            kind: .optionalString, apply: { $0.tls.certificate = $1.string.isEmpty ? nil : $1.string },
            read: { .string($0.tls.certificate ?? "") }),
        ConfigurationKey(
            "tls.privateKey", "PEM private key of the certificate.",
            kind: .optionalString, apply: { $0.tls.privateKey = $1.string.isEmpty ? nil : $1.string },
            read: { .string($0.tls.privateKey ?? "") }),
        ConfigurationKey(
            "tls.port", "HTTPS port; 0 binds a free one.",
            kind: .integer(0...65535), apply: { $0.tls.port = $1.integer }, read: { .integer($0.tls.port) }),
        ConfigurationKey(
            "tls.only", "Serve HTTPS only (no plain-HTTP listener).",
            kind: .boolean, apply: { $0.tls.only = $1.boolean }, read: { .boolean($0.tls.only) }),
        ConfigurationKey(
            "tls.redirectHTTP", "Answer plain HTTP with a 308 redirect to HTTPS.",
            kind: .boolean, apply: { $0.tls.redirectHTTP = $1.boolean }, read: { .boolean($0.tls.redirectHTTP) }),
        ConfigurationKey(
            "tls.hstsMaxAge", "Strict-Transport-Security max-age on HTTPS responses; 0 sends none.",
            kind: .integer(0...100_000_000), apply: { $0.tls.hstsMaxAge = $1.integer }, read: { .integer($0.tls.hstsMaxAge) }),
    ]

    /// The key with this name.
    public static func named(_ name: String) -> ConfigurationKey? {
        all.first { $0.name == name }
    }
}
