import DatelineAPI
import Foundation
import HTTPServer

extension DatelineConfiguration {
    /// The defaults, with the repository's knowledge base found from this file's path (tests
    /// may run from any folder) and an empty folder for static files.
    static func testing() -> DatelineConfiguration {
        var configuration = DatelineConfiguration()
        configuration.knowledgeDirectory = ServerProcess.packageRoot.appendingPathComponent("data/knowledge").path
        configuration.publicDirectory = FileManager.default.temporaryDirectory.path
        configuration.server.ioEngine = .underTest
        return configuration
    }
}
