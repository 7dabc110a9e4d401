import Foundation
import Testing

@testable import DatelineAPI

/// Precedence, validation and documentation of the configuration.
@Suite struct ConfigurationLoaderTests {
    /// Writes a configuration file and returns its path.
    func file(_ json: String) throws -> String {
        let path = NSTemporaryDirectory() + "dateline-config-\(UUID().uuidString).json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsApplyWithoutAFile() throws {
        let configuration = try ConfigurationLoader.load(file: nil, environment: [:])
        #expect(configuration.server.port == 8080 || FileManager.default.fileExists(atPath: "config.json"))
        #expect(DatelineConfiguration().server.host == "127.0.0.1")
        #expect(DatelineConfiguration().server.backlog >= 1024)
    }

    @Test func fileThenEnvironmentThenFlags() throws {
        let path = try file(
            #"{"host": "0.0.0.0", "port": 9000, "timeouts": {"idle": 5}, "cors": {"allowedOrigins": ["http://a.example"]}}"#)
        let fromFile = try ConfigurationLoader.load(file: path, environment: [:])
        #expect(fromFile.server.host == "0.0.0.0")
        #expect(fromFile.server.port == 9000)
        #expect(fromFile.server.timeouts.idle == 5)
        #expect(fromFile.allowedOrigins == ["http://a.example"])

        let fromEnvironment = try ConfigurationLoader.load(
            file: path, environment: ["DATELINE_PORT": "9100", "DATELINE_CORS_ALLOWED_ORIGINS": "http://b.example, http://c.example"])
        #expect(fromEnvironment.server.port == 9100)
        #expect(fromEnvironment.allowedOrigins == ["http://b.example", "http://c.example"])

        let fromFlags = try ConfigurationLoader.load(
            file: path, environment: ["DATELINE_PORT": "9100"],
            overrides: [("port", "9200"), ("timeouts.idle", "2.5")])
        #expect(fromFlags.server.port == 9200)
        #expect(fromFlags.server.timeouts.idle == 2.5)
        #expect(fromFlags.server.host == "0.0.0.0")
    }

    @Test func theEnvironmentCanNameTheFile() throws {
        let path = try file(#"{"port": 9300}"#)
        #expect(try ConfigurationLoader.load(file: nil, environment: ["DATELINE_CONFIG": path]).server.port == 9300)
    }

    @Test(arguments: [
        (#"{"prot": 80}"#, "prot"),
        (#"{"port": 70000}"#, "port"),
        (#"{"port": "eighty"}"#, "port"),
        (#"{"timeouts": {"idle": -1}}"#, "timeouts.idle"),
        (#"{"timeouts": {"idel": 1}}"#, "timeouts.idel"),
        (#"{"log": {"format": "xml"}}"#, "log.format"),
        (#"{"cors": {"allowedOrigins": "http://a"}}"#, "cors.allowedOrigins"),
        (#"{"log": {"access": "sometimes"}}"#, "log.access"),
        (#"{"feeds": "https://a.example/rss"}"#, "feeds"),
        (#"{"feeds": [{"url": "ftp://a.example/rss"}]}"#, "feeds"),
        (#"{"feeds": [{"url": "https://a.example/rss", "intervalSeconds": 0}]}"#, "feeds"),
        (#"{"feeds": [{"url": "https://a.example/rss", "every": 5}]}"#, "feeds"),
        (#"{"feeds": [{"url": "https://a.example/rss"}, {"url": "https://a.example/rss"}]}"#, "feeds"),
    ])
    func badFileValuesNameTheKey(json: String, key: String) throws {
        let path = try file(json)
        #expect { try ConfigurationLoader.load(file: path, environment: [:]) } throws: { error in
            (error as? ConfigurationError)?.key == key
        }
    }

    @Test func badEnvironmentAndFlagValuesNameTheKey() throws {
        #expect { try ConfigurationLoader.load(file: nil, environment: ["DATELINE_PORT": "http"]) } throws: {
            ($0 as? ConfigurationError)?.key == "port"
        }
        #expect { try ConfigurationLoader.load(file: nil, environment: [:], overrides: [("nope", "1")]) } throws: {
            ($0 as? ConfigurationError)?.key == "nope"
        }
    }

    @Test func theDatabaseURLComesFromTheFileTheEnvironmentOrAFlag() throws {
        let url = "postgresql://dateline@127.0.0.1:5432/dateline"
        #expect(DatelineConfiguration().databaseURL == nil)
        #expect(try ConfigurationLoader.load(file: file(#"{"database": {"url": "\#(url)"}}"#), environment: [:]).databaseURL == url)
        #expect(try ConfigurationLoader.load(file: nil, environment: ["DATELINE_DATABASE_URL": url]).databaseURL == url)
        #expect(try ConfigurationLoader.load(file: nil, environment: [:], overrides: [("database.url", url)]).databaseURL == url)
        #expect(ConfigurationKey.named("database.url")?.isSecret == true)
    }

    @Test func aDatabaseURLAndADataDirectoryTogetherAreRefusedNamingBoth() throws {
        #expect {
            try ConfigurationLoader.load(
                file: nil,
                environment: ["DATELINE_DATABASE_URL": "postgresql://dateline@127.0.0.1/dateline", "DATELINE_DATA_DIR": "/tmp/x"])
        } throws: { error in
            let description = "\(error)"
            return (error as? ConfigurationError)?.key == "database.url" && description.contains("database.url")
                && description.contains("dataDirectory")
        }
    }

    @Test func feedsComeFromTheFileTheEnvironmentOrAFlag() throws {
        #expect(DatelineConfiguration().feeds.isEmpty)
        let path = try file(#"{"feeds": [{"url": "https://a.example/rss", "intervalSeconds": 60}, {"url": "http://b.example/atom"}]}"#)
        let fromFile = try ConfigurationLoader.load(file: path, environment: [:])
        #expect(
            fromFile.feeds == [FeedSetting(url: "https://a.example/rss", intervalSeconds: 60), FeedSetting(url: "http://b.example/atom")])
        #expect(fromFile.feeds[1].intervalSeconds == 300)
        let fromEnvironment = try ConfigurationLoader.load(
            file: nil, environment: ["DATELINE_FEEDS": "https://c.example/rss, https://d.example/feed"])
        #expect(fromEnvironment.feeds.map(\.url) == ["https://c.example/rss", "https://d.example/feed"])
        #expect {
            try ConfigurationLoader.load(file: nil, environment: ["DATELINE_FEEDS": "https://c.example/rss,https://c.example/rss"])
        } throws: {
            ($0 as? ConfigurationError)?.key == "feeds"
        }
        let fromFlag = try ConfigurationLoader.load(
            file: nil, environment: [:], overrides: [("feeds", #"[{"url": "https://e.example/rss", "intervalSeconds": 1}]"#)])
        #expect(fromFlag.feeds == [FeedSetting(url: "https://e.example/rss", intervalSeconds: 1)])
        #expect(ConfigurationLoader.describe(fromFlag).contains(#"feeds = [{"intervalSeconds":1,"url":"https://e.example/rss"}]"#))
    }

    @Test func aMissingExplicitFileIsAnError() {
        #expect(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(file: "/nonexistent/dateline.json", environment: [:])
        }
    }

    @Test func everyKeyIsDocumentedWithItsEnvironmentName() {
        let table = ConfigurationKey.markdownTable
        for key in ConfigurationKey.all {
            #expect(table.contains("`\(key.name)`"))
            #expect(key.environment.hasPrefix("DATELINE_"))
        }
        #expect(ConfigurationKey.named("timeouts.headerRead")?.environment == "DATELINE_TIMEOUTS_HEADER_READ")
        #expect(ConfigurationKey.named("tls.redirectHTTP")?.environment == "DATELINE_TLS_REDIRECT_HTTP")
        for key in ConfigurationKey.all {
            #expect(!key.environment.contains(/_[A-Z]_/), "\(key.environment) splits a word letter by letter")
        }
        #expect(Set(ConfigurationKey.all.map(\.environment)).count == ConfigurationKey.all.count)
    }

    @Test func theRepositoryConfigLoads() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let configuration = try ConfigurationLoader.load(file: root.appendingPathComponent("config.json").path, environment: [:])
        #expect(configuration.server.port == 8080)
        #expect(configuration.server.limits.bodyBytes == 1_048_576)
    }
}
