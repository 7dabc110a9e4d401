import ArgumentParser

/// The `dateline` command: serve the API, check a running server's health, print configuration,
/// re-extract stored articles, import articles into a running server.
@main
struct Dateline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dateline",
        abstract: "A self-hosted news events API: articles, entities and dated events, with their sources.",
        subcommands: [Serve.self, Healthcheck.self, ConfigCommand.self, Reextract.self, Import.self],
        defaultSubcommand: Serve.self
    )
}
