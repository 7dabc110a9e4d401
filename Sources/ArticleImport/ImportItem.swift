/// One article to import: the JSON object `POST /articles` takes, as one NDJSON line, and where
/// it came from, for messages. An item that could not even be read carries its problem instead.
public struct ImportItem: Sendable, Hashable {
    /// `FILE:LINE` for a line of an NDJSON file, `FILE[INDEX]` for an element of a JSON array,
    /// `FILE` for a text or HTML file.
    public var origin: String
    /// The article as one line of JSON (no newline), or nil when `problem` says why there is none.
    public var line: [UInt8]?
    /// Why the item could not be read (a file that is not JSON, an unreadable file).
    public var problem: String?

    public init(origin: String, line: [UInt8]) {
        self.origin = origin
        self.line = line
    }

    public init(origin: String, problem: String) {
        self.origin = origin
        self.problem = problem
    }
}
