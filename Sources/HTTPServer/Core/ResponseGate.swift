import Dispatch
import Locking

/// What a response waits for before it goes out, with no thread waiting alongside: a write's
/// flush to disk, say. The handler returns its response at once with a gate on it; the server
/// sends the response when the gate opens, or, when the gate fails, a problem in its place.
public protocol ResponseGate: Sendable {
    /// Calls `opened` exactly once, on any thread (at once, if the gate is open already): with
    /// nil when the response may go, or with the error to answer instead.
    func whenOpen(_ opened: @escaping @Sendable ((any Error)?) -> Void)
}

extension ResponseGate {
    /// Waits on the calling thread until the gate opens; throws the error it failed with.
    public func waitUntilOpen() throws {
        let opened = DispatchSemaphore(value: 0)
        let failure = Locked<(any Error)?>(nil)
        whenOpen { error in
            failure.withLock { $0 = error }
            opened.signal()
        }
        opened.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

extension Response {
    /// What the server sends for `request` once the gate (if any) opens: this response, or the
    /// problem of the error the gate failed with. Waits on the calling thread; for callers that
    /// answer requests outside the server, such as tests and tools.
    public func settled(for request: Request) -> Response {
        do {
            try gate?.waitUntilOpen()
            return self
        } catch {
            return failing(with: ErrorMiddleware.response(for: error, to: request, logger: nil))
        }
    }
}

/// What a gate fails with when the state its response was made from moved on before the
/// response could stand (an optimistic write that met a concurrent one): the server answers the
/// request again, from the start, up to ``limit`` times, and then answers 503.
public struct AnswerAgain: Error, Sendable {
    /// How many times one request is answered again at most.
    public static let limit = 3

    public init() {}

    /// The problem sent once a request has been answered again ``limit`` times.
    static var exhausted: HTTPError {
        HTTPError(
            .serviceUnavailable, detail: "The request met concurrent writes each time it was answered; try it again.",
            headerFields: [.retryAfter: "1"])
    }
}
