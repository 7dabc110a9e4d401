import ArgumentParser
import DatelineAPI

/// `dateline config print`: the effective configuration, secrets masked.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective configuration.",
        subcommands: [Print.self, Keys.self]
    )

    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print every key with its effective value, secrets masked.")

        @OptionGroup var options: ConfigurationOptions

        func run() {
            print(ConfigurationLoader.describe(options.load()))
        }
    }

    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the table of keys as Markdown: default, environment variable, flag.")

        func run() {
            print(ConfigurationKey.markdownTable)
        }
    }
}
