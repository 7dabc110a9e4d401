import DatelineAPI
import Extraction

extension KnowledgeBase {
    /// The repository's knowledge base, read once for every application the tests make:
    /// reading it takes a debug build seconds, and hundreds of tests make an application.
    static let repository: KnowledgeBase = {
        do {
            return try KnowledgeBase(directory: DatelineConfiguration.testing().knowledgeDirectory)
        } catch {
            fatalError("the repository's knowledge base: \(error)")
        }
    }()
}
