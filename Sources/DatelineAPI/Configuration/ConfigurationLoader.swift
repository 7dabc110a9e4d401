import FoundationEssentials
import HTTPServer

/// Builds the configuration from defaults, then `config.json`, then the environment, then flags;
/// a later source wins. Unknown keys and bad values throw a `ConfigurationError` naming the key.
public enum ConfigurationLoader {
    /// The environment variable that names the configuration file.
    public static let fileVariable = "DATELINE_CONFIG"

    /// Loads the configuration.
    /// - Parameters:
    ///   - file: the `--config` flag; else `DATELINE_CONFIG`; else `config.json` when it exists.
    ///   - environment: the process environment.
    ///   - overrides: flag values as `(key, value)` pairs, applied last, in order.
    public static func load(
        file: String?, environment: [String: String],
        overrides: [(key: String, value: String)] = []
    ) throws -> DatelineConfiguration {
        var configuration = DatelineConfiguration()
        let explicitFile = file ?? environment[fileVariable]
        let path = explicitFile ?? "config.json"
        if explicitFile != nil || FileManager.default.fileExists(atPath: path) {
            try applyFile(at: path, to: &configuration)
        }
        for key in ConfigurationKey.all {
            if let text = environment[key.environment] {
                try apply(key, value: .text(text), source: key.environment, to: &configuration)
            }
        }
        for (name, text) in overrides {
            guard let key = ConfigurationKey.named(name) else {
                throw ConfigurationError(key: name, problem: "is not a configuration key")
            }
            try apply(key, value: .text(text), source: "the command line", to: &configuration)
        }
        try configuration.resolveTLS()
        try configuration.checkStoreOfRecord()
        return configuration
    }

    /// Reads a JSON file whose nested objects spell the dotted key names.
    static func applyFile(at path: String, to configuration: inout DatelineConfiguration) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(key: path, problem: "the configuration file cannot be read")
        }
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ConfigurationError(key: path, problem: "is not valid JSON (\(error))")
        }
        guard case .object = root else { throw ConfigurationError(key: path, problem: "must hold a JSON object") }
        for (name, value) in ConfigurationInput.leaves(of: root) {
            guard let key = ConfigurationKey.named(name) else {
                throw ConfigurationError(key: name, problem: "is not a configuration key (in \(path))")
            }
            try apply(key, value: value, source: path, to: &configuration)
        }
    }

    static func apply(
        _ key: ConfigurationKey, value: ConfigurationInput, source: String,
        to configuration: inout DatelineConfiguration
    ) throws {
        func fail(_ problem: String) -> ConfigurationError {
            ConfigurationError(key: key.name, problem: "\(problem) (from \(source))")
        }
        let checked: ConfigurationValue
        switch key.kind {
        case .integer(let range):
            guard let number = value.integer else { throw fail("must be a whole number, got \(value)") }
            guard range.contains(number) else { throw fail("must be from \(range.lowerBound) to \(range.upperBound), got \(number)") }
            checked = .integer(number)
        case .seconds(let range):
            guard let number = value.number else { throw fail("must be a number of seconds, got \(value)") }
            guard range.contains(number) else {
                throw fail("must be from \(range.lowerBound) to \(range.upperBound) seconds, got \(number)")
            }
            checked = .seconds(number)
        case .string(let allowed):
            guard let text = value.string, !text.isEmpty else { throw fail("must be a non-empty string, got \(value)") }
            if let allowed, !allowed.contains(text) {
                throw fail("must be one of \(allowed.joined(separator: ", ")), got \"\(text)\"")
            }
            checked = .string(text)
        case .optionalString:
            guard let text = value.string else { throw fail("must be a string, got \(value)") }
            checked = .string(text)
        case .boolean:
            guard let flag = value.boolean else { throw fail("must be true or false, got \(value)") }
            checked = .boolean(flag)
        case .list:
            guard let items = value.list else { throw fail("must be a list of strings, got \(value)") }
            checked = .list(items)
        case .feeds:
            do {
                checked = .feeds(try FeedSetting.list(from: value))
            } catch {
                throw fail(error.message)
            }
        }
        key.apply(&configuration, checked)
    }

    /// The effective configuration as `key = value` lines, secrets masked.
    public static func describe(_ configuration: DatelineConfiguration) -> String {
        ConfigurationKey.all.map { key in
            let value = key.read(configuration).text
            return "\(key.name) = \(key.isSecret && !value.isEmpty ? "********" : value)"
        }.joined(separator: "\n")
    }
}
