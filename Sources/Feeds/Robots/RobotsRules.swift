/// What a site's robots.txt lets one crawler fetch (RFC 9309, with Google's reading of it).
///
/// The rules come from the group naming our product token (compared without case), else from
/// the `*` group; several groups for the same agent are merged. The longest matching `Allow` or
/// `Disallow` pattern wins, `Allow` on a tie; patterns may use `*` and a final `$`; an empty
/// `Disallow` allows everything.
///
/// ```swift
/// let rules = RobotsRules(parsing: "User-agent: *\nDisallow: /private/\n", userAgent: "Dateline")
/// rules.allows("/private/a.html")  // false
/// ```
public struct RobotsRules: Sendable, Hashable {
    /// One `Allow` or `Disallow` line.
    public struct Rule: Sendable, Hashable {
        /// Whether the line allows the paths it matches.
        public var allows: Bool
        /// The path pattern, as written.
        public var pattern: String
    }

    /// The rules that apply to us, in file order.
    public let rules: [Rule]
    /// The seconds to wait between requests, when the group says.
    public let crawlDelay: Double?

    /// Rules that allow everything (no robots.txt, or a 4xx one).
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil)
    /// Rules that allow nothing (robots.txt unreachable or failing with 5xx).
    public static let disallowAll = RobotsRules(rules: [Rule(allows: false, pattern: "/")], crawlDelay: nil)

    /// Rules made of these lines.
    public init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// The rules of a robots.txt for the crawler whose product token is `userAgent`
    /// (`Dateline`; anything from the first `/` or space on is ignored).
    public init(parsing text: String, userAgent: String) {
        let token = Self.productToken(userAgent)
        let groups = RobotsFile.groups(in: text)
        let named = groups.filter { $0.agents.contains(token) }
        let chosen = named.isEmpty ? groups.filter { $0.agents.contains("*") } : named
        self.init(rules: chosen.flatMap(\.rules), crawlDelay: chosen.lazy.compactMap(\.crawlDelay).first)
    }

    /// The rules a robots.txt response stands for: its content for 2xx, allow-all for 4xx
    /// (other than 429, as there is no file to obey) and for redirects that led nowhere, and
    /// disallow-all for 5xx, 429 and anything else, until a later fetch succeeds.
    public init(status: Int, body: [UInt8], userAgent: String) {
        switch status {
        case 200..<300: self.init(parsing: String(decoding: body.prefix(Self.maxBytes), as: UTF8.self), userAgent: userAgent)
        case 429: self = .disallowAll
        case 300..<500: self = .allowAll
        default: self = .disallowAll
        }
    }

    /// Whether `path` (a path with its query, such as `/a/b?c=d`) may be fetched.
    public func allows(_ path: String) -> Bool {
        let target = path.isEmpty ? "/" : path
        if target == "/robots.txt" { return true }
        var best: Rule?
        for rule in rules where !rule.pattern.isEmpty && RobotsPattern.matches(rule.pattern, target) {
            guard let current = best else {
                best = rule
                continue
            }
            if rule.pattern.count > current.pattern.count || (rule.pattern.count == current.pattern.count && rule.allows) {
                best = rule
            }
        }
        return best?.allows ?? true
    }

    /// The largest robots.txt read; Google stops at 500 KiB as well.
    public static let maxBytes = 500 * 1024

    /// The lowercased product token of a user agent (`dateline` for `Dateline/1.0 (+url)`).
    static func productToken(_ userAgent: String) -> String {
        String(userAgent.prefix { $0 != "/" && $0 != " " }).lowercased()
    }
}
