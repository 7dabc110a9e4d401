extension ConfigurationKey {
    /// Every key as a Markdown table: key, default, environment variable, flag, meaning.
    public static var markdownTable: String {
        var lines = [
            "| key | default | environment | flag | meaning |",
            "|---|---|---|---|---|",
        ]
        for key in all {
            let value = key.defaultValue.isEmpty ? "(none)" : "`\(key.defaultValue)`"
            lines.append("| `\(key.name)` | \(value) | `\(key.environment)` | `\(key.flag)` | \(key.summary) |")
        }
        return lines.joined(separator: "\n")
    }
}
