public import DatelineAPI
import Dispatch
import Foundation
public import HTTPServer
import HTTPTypes
import Logging
public import NewsModel

/// The whole API in-process over the repository's seed, in memory, with a write token: what the
/// query and write targets send their requests to.
///
/// The seed is extracted once per process; ``fresh()`` then builds an application over a copy
/// of that store, so a write target can start every input from the same state and a crash
/// reproduces from its input alone.
public final class FuzzApplication: Sendable {
    public static let token = "fuzz-token"

    /// What the seed loaded into the store: a fresh application starts from these.
    public let contents: StoreContents
    private let configuration: DatelineConfiguration

    /// Loads the seed found in `seedDirectory` (the repository's `data/seed` unless
    /// `DATELINE_FUZZ_SEED` names another) and fails loudly when it is missing or empty.
    public init() {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var configuration = DatelineConfiguration()
        configuration.seedDirectory =
            ProcessInfo.processInfo.environment["DATELINE_FUZZ_SEED"]
            ?? repository.appendingPathComponent("data/seed").path
        configuration.knowledgeDirectory = repository.appendingPathComponent("data/knowledge").path
        // Unknown paths fall through to static files: an empty folder keeps the disk out of it.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("dateline-fuzz-public")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        configuration.publicDirectory = empty.path
        configuration.apiToken = FuzzApplication.token
        configuration.dataDirectory = nil
        configuration.accessLog = false
        self.configuration = configuration

        let seeded = try! Application(configuration: configuration, logger: FuzzApplication.silent)
        let loaded = DispatchSemaphore(value: 0)
        seeded.loadStore { loaded.signal() }
        loaded.wait()
        let contents = seeded.store.snapshot.contents
        guard !contents.events.isEmpty, !contents.entities.isEmpty else {
            fatalError("the seed at \(configuration.seedDirectory) gave no events or entities")
        }
        self.contents = contents
        if ProcessInfo.processInfo.environment["FUZZ_VERBOSE"] != nil {
            print("seed articles: \(contents.articles.map(\.id))")
            print("seed entities: \(contents.entities.map(\.id))")
            print("seed events: \(contents.events.map(\.id))")
        }
    }

    /// An application over a new store holding the seed, ready, with its responder.
    public func fresh() -> (application: Application, responder: any Responder) {
        let application = try! Application(
            configuration: configuration, logger: FuzzApplication.silent,
            store: NewsStore(restoring: contents))
        application.readiness.set(.ready)
        return (application, application.makeResponder())
    }

    private static var silent: Logger {
        Logger(label: "fuzz") { _ in SwiftLogNoOpLogHandler() }
    }
}
