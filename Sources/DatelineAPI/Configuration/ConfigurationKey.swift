import HTTPServer

/// One configuration key: its name in `config.json` (dotted for nested objects), its environment
/// variable, its flag, its default and how a value is checked and applied.
public struct ConfigurationKey: Sendable {
    public let name: String
    public let environment: String
    /// The command-line form: a dedicated flag, or `--set name=value`.
    public let flag: String
    public let summary: String
    /// Secrets are masked by `dateline config print`.
    public let isSecret: Bool
    let kind: Kind
    let apply: @Sendable (inout DatelineConfiguration, ConfigurationValue) -> Void
    let read: @Sendable (DatelineConfiguration) -> ConfigurationValue

    enum Kind: Sendable {
        case integer(ClosedRange<Int>)
        case seconds(ClosedRange<Double>)
        case string(allowed: [String]?)
        /// A string that may be empty, meaning unset.
        case optionalString
        case boolean
        case list
        /// A list of feeds to poll (``FeedSetting``).
        case feeds
    }

    /// The default value, as text.
    public var defaultValue: String { read(DatelineConfiguration()).text }

    init(
        _ name: String, environment: String? = nil, flag: String? = nil, secret: Bool = false, _ summary: String, kind: Kind,
        apply: @escaping @Sendable (inout DatelineConfiguration, ConfigurationValue) -> Void,
        read: @escaping @Sendable (DatelineConfiguration) -> ConfigurationValue
    ) {
        self.name = name
        self.environment = environment ?? Self.environmentName(for: name)
        self.flag = flag ?? "--set \(name)=VALUE"
        self.summary = summary
        self.isSecret = secret
        self.kind = kind
        self.apply = apply
        self.read = read
    }

    /// `DATELINE_` and the name in upper snake case: dots and each lower-to-upper case step
    /// become underscores (`tls.redirectHTTP` is `DATELINE_TLS_REDIRECT_HTTP`).
    static func environmentName(for name: String) -> String {
        var result = "DATELINE_"
        var previous: Character = "."
        for character in name {
            if character == "." {
                result += "_"
            } else {
                if character.isUppercase && previous.isLowercase { result += "_" }
                result += character.uppercased()
            }
            previous = character
        }
        return result
    }
}

/// A checked configuration value.
enum ConfigurationValue: Sendable, Hashable {
    case integer(Int)
    case seconds(Double)
    case string(String)
    case boolean(Bool)
    case list([String])
    case feeds([FeedSetting])

    var text: String {
        switch self {
        case .integer(let value): String(value)
        case .seconds(let value): value == value.rounded() ? String(Int(value)) : String(value)
        case .string(let value): value
        case .boolean(let value): value ? "true" : "false"
        case .list(let values): values.joined(separator: ",")
        case .feeds(let feeds): String(decoding: JSONWriter.bytes(FeedSetting.json(feeds)), as: UTF8.self)
        }
    }

    var integer: Int { if case .integer(let v) = self { v } else { 0 } }
    var seconds: Double { if case .seconds(let v) = self { v } else { 0 } }
    var string: String { if case .string(let v) = self { v } else { "" } }
    var boolean: Bool { if case .boolean(let v) = self { v } else { false } }
    var list: [String] { if case .list(let v) = self { v } else { [] } }
    var feeds: [FeedSetting] { if case .feeds(let v) = self { v } else { [] } }
}
