/// Something that performs blocking GET requests: ``WebClient``, or a fake in tests.
///
/// Call it only from threads of your own, never from an event loop or a shared Dispatch queue.
public protocol WebFetching: Sendable {
    /// Fetches `url`, adding `headers` to the request; a body past `maxBodyBytes` (when given,
    /// else the fetcher's own limit) is an error. Throws ``WebFetchError``.
    func get(
        _ url: String, headers: [(name: String, value: String)], maxBodyBytes: Int?, cancellation: WebCancellation?
    ) throws -> WebResponse
}
