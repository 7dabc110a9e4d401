/// How an import reaches the server: one NDJSON batch posted to `/articles`.
public protocol ImportTransport: Sendable {
    /// Posts `body` (NDJSON, one article a line) and returns the answer's status and body.
    /// Throws when no answer came (the connection failed or timed out).
    func postBatch(_ body: [UInt8]) throws -> (status: Int, body: [UInt8])
}
