/// The groups of a robots.txt file: each a run of `User-agent` lines followed by its rules.
enum RobotsFile {
    struct Group {
        /// Lowercased product tokens, `*` included.
        var agents: Set<String> = []
        var rules: [RobotsRules.Rule] = []
        var crawlDelay: Double?
    }

    static func groups(in text: String) -> [Group] {
        var groups: [Group] = []
        var current: Group?
        // True while the current group is still collecting user-agent lines.
        var collectingAgents = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline) {
            let line = rawLine.prefix { $0 != "#" }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmed().lowercased()
            let value = line[line.index(after: colon)...].trimmed()
            switch key {
            case "user-agent", "useragent", "user agent":
                if !collectingAgents {
                    if let current { groups.append(current) }
                    current = Group()
                    collectingAgents = true
                }
                current?.agents.insert(RobotsRules.productToken(value))
            case "allow", "disallow", "dissallow", "disalow":
                collectingAgents = false
                current?.rules.append(RobotsRules.Rule(allows: key == "allow", pattern: value))
            case "crawl-delay":
                collectingAgents = false
                if current?.crawlDelay == nil, let seconds = Double(value), seconds.isFinite, seconds >= 0 { current?.crawlDelay = seconds }
            default:
                // Sitemap and unknown lines neither open nor close a group.
                continue
            }
        }
        if let current { groups.append(current) }
        return groups
    }
}
