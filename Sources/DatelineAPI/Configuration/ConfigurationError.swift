/// A configuration that cannot be used; start-up stops with this message and exit code 2.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The key at fault (`timeouts.idle`), or the file when it cannot be read at all.
    public var key: String
    public var problem: String

    public init(key: String, problem: String) {
        self.key = key
        self.problem = problem
    }

    public var description: String { "configuration key \"\(key)\": \(problem)" }
}
